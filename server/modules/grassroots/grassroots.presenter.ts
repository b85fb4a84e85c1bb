/** What leaves the server of a commune's publications and decisions (nothing personal: villages and tallies only). */
import type { EvidenceFile } from '../../../common/grassroots-files.js';
import type { CitizenDecision, Publication } from '../../../common/grassroots.js';
import type * as repo from './grassroots.repository.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const stamp = (r: repo.PublicationRecord | repo.DecisionRecord) => ({
  id: r.id,
  unit: { id: r.unit_id, name: r.unit_name },
  publicState: r.public_state,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

/** A file as lists show it: name, type and size, never its bytes. */
export const presentEvidenceFile = (f: { id: string; file_name: string; content_type: string; size_bytes: number; uploaded_at: Date | string }): EvidenceFile => ({
  id: String(f.id),
  fileName: f.file_name,
  contentType: f.content_type,
  sizeBytes: f.size_bytes,
  uploadedAt: iso(f.uploaded_at),
});

export const presentPublication = (r: repo.PublicationRecord): Publication => ({
  ...stamp(r),
  itemCode: r.item_code,
  documentTitle: r.document_title,
  documentDate: r.document_date,
  forms: r.forms,
  publishedOn: r.published_on,
  postedUntil: r.posted_until,
  evidence: r.evidence,
  late: r.late,
  files: r.files.map(presentEvidenceFile),
});

export const presentDecision = (r: repo.DecisionRecord): CitizenDecision => ({
  ...stamp(r),
  village: r.village,
  matterCode: r.matter_code,
  subject: r.subject,
  method: r.method,
  decidedOn: r.decided_on,
  eligibleHouseholds: r.eligible_households,
  householdsTakingPart: r.households_taking_part,
  inFavour: r.in_favour,
  against: r.against,
  passed: r.passed,
  thresholdId: r.threshold_id,
  resultPublishedOn: r.result_published_on,
  resultForm: r.result_form,
  approvedOn: r.approved_on,
  approvalNumber: r.approval_number,
});
