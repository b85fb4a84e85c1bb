import { useTranslation } from 'react-i18next';
import type { PolicyDocumentLinkKind, PolicyDocumentStatus } from '../../../common/policy-documents';
import { useFormat } from '../../ui/use-format';
import type { PolicyDocumentSearch } from './policy-document-search';
import { kindName, usePolicyDocumentKinds } from './policy-documents.api';

/** A status in words ("Dự thảo", "Đã ban hành"). */
export function useStatusName(): (status: PolicyDocumentStatus) => string {
  const { t } = useTranslation();
  const names: Record<PolicyDocumentStatus, string> = { draft: t('policyDocuments.status.draft'), issued: t('policyDocuments.status.issued') };
  return (status) => names[status];
}

/**
 * A link in words, from the side of the document shown: "Thực hiện" 25-NQ/TW on 43-KL/TW's page,
 * "Được thực hiện bởi" 43-KL/TW on 25-NQ/TW's.
 */
export function useLinkName(): (kind: PolicyDocumentLinkKind, direction: 'outgoing' | 'incoming') => string {
  const { t } = useTranslation();
  const names: Record<PolicyDocumentLinkKind, Record<'outgoing' | 'incoming', string>> = {
    implements: { outgoing: t('policyDocuments.links.implements'), incoming: t('policyDocuments.links.implementedBy') },
    replaces: { outgoing: t('policyDocuments.links.replaces'), incoming: t('policyDocuments.links.replacedBy') },
    amends: { outgoing: t('policyDocuments.links.amends'), incoming: t('policyDocuments.links.amendedBy') },
  };
  return (kind, direction) => names[kind][direction];
}

/** The list's filters in words, for the printout ("Thể loại: Nghị quyết; Có hiệu lực ngày 05/12/2026"). */
export function useFilterWords(search: PolicyDocumentSearch, unitName: string | undefined): string[] {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const kinds = usePolicyDocumentKinds();
  const statusName = useStatusName();
  const words: string[] = [];
  if (search.q) words.push(`${t('policyDocuments.filters.search')}: «${search.q}»`);
  if (search.kind) words.push(`${t('policyDocuments.fields.kind')}: ${kindName(kinds.data?.items, search.kind, i18n.language)}`);
  if (search.issuingUnitId) words.push(`${t('policyDocuments.filters.issuingUnit')}: ${unitName ?? '…'}`);
  if (search.status) words.push(`${t('policyDocuments.fields.status')}: ${statusName(search.status)}`);
  if (search.validOn) words.push(`${t('policyDocuments.filters.validOn')}: ${format.date(search.validOn)}`);
  return words;
}
