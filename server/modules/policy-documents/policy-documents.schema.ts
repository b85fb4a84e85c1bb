/**
 * Request and response shapes of the policy documents API. They are shared with the web app, so
 * they live in common/policy-documents.ts; this file names them for the module.
 */
export {
  CreatePolicyDocumentBody,
  CreatePolicyDocumentKindBody,
  IssuePolicyDocumentBody,
  PolicyDocumentAttachment,
  PolicyDocumentAttachmentParams,
  PolicyDocumentDetail,
  PolicyDocumentIdParams,
  PolicyDocumentKind,
  PolicyDocumentKindList,
  PolicyDocumentKindParams,
  PolicyDocumentListQuery,
  PolicyDocumentPage,
  PolicyDocumentSummary,
  PutPolicyDocumentLinksBody,
  UpdatePolicyDocumentBody,
  UpdatePolicyDocumentKindBody,
} from '../../../common/policy-documents.js';
