/**
 * A value set inside a sentence of another direction, isolated (U+2068 FIRST STRONG ISOLATE …
 * U+2069 POP DIRECTIONAL ISOLATE): in an Arabic sentence a phone number "0229 3871 234" would
 * otherwise show its groups in reverse order ("234 3871 0229", the bidi algorithm treats the
 * digits after Arabic letters as Arabic numbers and the spaces between them as right-to-left),
 * and a Vietnamese law's name would take the sentence's brackets with it. Invisible in every
 * language, and kept in copied or downloaded text, where it does the same work.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
