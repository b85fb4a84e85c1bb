/**
 * Limits of petitions and the version of the public page's data-protection notice, without zod:
 * the public page's own small bundle (web/petition-main.tsx) imports them, and importing
 * common/petitions.ts would bring every schema of the module (and zod) with it.
 */
export const PETITION_LIMITS = {
  name: 200,
  contact: 200,
  idNumber: 50,
  address: 500,
  title: 300,
  content: 20_000,
  publicContent: 5_000,
  reason: 5_000,
  attachments: 5,
  attachmentBytes: 2 * 1024 * 1024,
  publicAttachments: 2,
  publicAttachmentBytes: 1024 * 1024,
  /** Open petitions due within this many working days are "due soon". */
  dueSoonWorkingDays: 3,
  /** Identities of petitions closed longer ago than this are erased by the retention job. */
  retentionYears: 5,
} as const;

/**
 * The version of the data-protection notice the public page shows (its text lives in the
 * catalogs under `portal.notice`). A citizen's consent is recorded with the version they read;
 * change this whenever the notice says something new, so older consents stay tied to older texts.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-05';
