/**
 * A document in the Party's format (Guidance 36-HD/VPTW), as data. Reports and periodic reviews
 * compose one of these; `renderPartyDocx` (party-docx.ts) typesets it. Keeping the content apart
 * from the typesetting lets tests check the words without opening a DOCX.
 */

export type PartyBlock =
  | { type: 'heading'; text: string; level: 1 | 2 | 3 }
  | { type: 'paragraph'; text: string; bold?: boolean; italic?: boolean }
  | { type: 'bullets'; items: string[] }
  | {
      type: 'table';
      /** Header rows (one or two), then body rows; numbers already formatted as text. */
      header: string[][];
      rows: string[][];
      /** Rows drawn bold (totals). */
      boldRows?: number[];
    };

export type PartyDocument = {
  /** Superior body above the issuing body, e.g. "TỈNH ỦY NINH BÌNH" (may be empty). */
  parentBody: string;
  /** Issuing body, e.g. "BAN DÂN VẬN". */
  issuingBody: string;
  /** "Số 25-BC/BDVTU": number and symbol as typed; an empty number leaves "Số   -BC/…". */
  numberAndSymbol: string;
  /** Place of issue ("Ninh Bình") and the date; null date → "ngày … tháng … năm …" to fill by hand. */
  place: string;
  date: string | null;
  /** "BÁO CÁO" */
  docType: string;
  /** Summary line under the type: "tổng kết phong trào thi đua “Dân vận khéo” năm 2024". */
  title: string;
  body: PartyBlock[];
  /** "Nơi nhận:" lines. */
  recipients: string[];
  /** Signer block: "T/M BAN THƯỜNG VỤ" / "TRƯỞNG BAN", name. */
  signer: { authority: string; position: string; name: string };
  /**
   * A joint document's second signer (the partner body of a coordination program's joint review):
   * signs on the left, beside `signer`; the recipients then go under both.
   */
  coSigner?: { authority: string; position: string; name: string };
};
