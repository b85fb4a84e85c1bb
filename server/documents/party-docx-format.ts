/**
 * The measures of the Party's document format (Guidance 36-HD/VPTW, 3 April 2018) used by
 * party-docx.ts, in one place so the typesetting and the tests quote the same values.
 * The guidance gives ranges; the values picked inside them are documented in docs/documents.md.
 */
import { convertMillimetersToTwip } from 'docx';

/** Font sizes in points (docx wants half-points: `pt(14)`). */
export const SIZE = {
  /** Body text: the guidance allows 13–14 pt; 14 pt reads best on A4 with these margins. */
  body: 14,
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" heading: 15 pt, upright, bold. */
  partyHeading: 15,
  /** Parent body, issuing body, number and symbol, place and date, signer: 14 pt. */
  header: 14,
  /** Document type ("BÁO CÁO"): 15–16 pt bold. */
  docType: 16,
  /** Summary line under the type: 14–15 pt bold. */
  title: 14,
  /** Recipient lines under "Nơi nhận:": 12 pt. */
  recipients: 12,
  /** Table cells: 12–13 pt; 12 pt keeps a nine-column table on one A4 width. */
  table: 12,
} as const;

export const pt = (points: number) => points * 2;

export const FONT = 'Times New Roman';

/** A4 portrait (210 × 297 mm) in twips. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Margins in millimetres: top 20–25, bottom 20–25, left 30–35, right 15–20. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const MARGIN = {
  top: convertMillimetersToTwip(MARGIN_MM.top),
  bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
  left: convertMillimetersToTwip(MARGIN_MM.left),
  right: convertMillimetersToTwip(MARGIN_MM.right),
} as const;

/** The width text may use: page width minus the side margins. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** First-line indent of body paragraphs: 1–1.27 cm; 1 cm. */
export const FIRST_LINE_INDENT = convertMillimetersToTwip(10);

/** Space after each body paragraph (6 pt) and line spacing (1.15 lines, in 240ths). */
export const PARAGRAPH_AFTER = 120;
export const LINE_SPACING = 276;
