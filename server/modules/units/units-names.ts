/**
 * How the official names are cleaned, and their type prefix ("Huyện", "Thị xã", …): shared by the
 * readers of the official files and by the schemas that clean what people type.
 */

const TYPE_PREFIXES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Tỉnh', 'Quận', 'Huyện', 'Phường', 'Xã', 'Đặc khu'] as const;
const PREFIX_RE = new RegExp(`^(${TYPE_PREFIXES.join('|')})(?= )`, 'iu');

/** NFC, every run of white space (tabs, newlines, no-break spaces) one space, trimmed. */
export function cleanText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** cleanText, and the type prefix in its usual spelling ("Thị Trấn X" → "Thị trấn X", "xã X" → "Xã X"). */
export function cleanName(raw: string): string {
  const name = cleanText(raw);
  const m = PREFIX_RE.exec(name);
  if (!m?.[1]) return name;
  const canonical = TYPE_PREFIXES.find((p) => p.toLowerCase() === m[1]!.toLowerCase()) ?? m[1];
  return canonical + name.slice(m[1].length);
}

/** The type prefix of a name ("Huyện", "Thị xã", …), or null. */
export function typePrefix(name: string): string | null {
  const m = PREFIX_RE.exec(name);
  return m?.[1] ? (TYPE_PREFIXES.find((p) => p.toLowerCase() === m[1]!.toLowerCase()) ?? null) : null;
}
