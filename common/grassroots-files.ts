/**
 * Evidence files of grassroots democracy (issue 16, docs/grassroots-democracy.md §5 and §7): a
 * photo of the notice board, a scan of the minutes, the PDF or DOCX of the document posted — for
 * a publication, and for a dialogue conference's notice, results and minutes. The types are what
 * officers have (a phone's photo, a scanner's PDF, the office's Word file), decided by the file's
 * content; the name's extension must agree. Files are never public: the public page shows the
 * publication, not the evidence (a photo can show people's faces and names).
 */
import { z } from 'zod';
import { Id } from './units.js';

export const GRASSROOTS_FILE_LIMITS = {
  /** A phone's photo is a few MB, a scanned set of minutes up to about 20 MB (as a policy document's attachment). */
  fileBytes: 20 * 1024 * 1024,
  filesPerPublication: 20,
  filesPerSession: 30,
} as const;

export const GRASSROOTS_FILE_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
} as const;
export type GrassrootsFileType = keyof typeof GRASSROOTS_FILE_TYPES;

/** What a dialogue conference's file is evidence of: the notice given, the results published, the minutes. */
export const DIALOGUE_FILE_PURPOSES = ['notice', 'results', 'minutes'] as const;
export type DialogueFilePurpose = (typeof DIALOGUE_FILE_PURPOSES)[number];

/** A file as lists show it (never its bytes). */
export const EvidenceFile = z.object({ id: Id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() });
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const DialogueFile = EvidenceFile.extend({ purpose: z.enum(DIALOGUE_FILE_PURPOSES) });
export type DialogueFile = z.infer<typeof DialogueFile>;
export const DialogueFileList = z.object({ items: z.array(DialogueFile) });
export type DialogueFileList = z.infer<typeof DialogueFileList>;

export const FileIdParams = z.object({ id: Id });
export const DialogueFileQuery = z.object({ purpose: z.enum(DIALOGUE_FILE_PURPOSES).describe('What the file is evidence of: the notice, the results published, or the minutes') });
