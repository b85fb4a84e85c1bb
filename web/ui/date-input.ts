/**
 * How dates are typed in the date pickers: the language's pattern first (what the picker shows),
 * then the same without leading zeros and without separators, so "5/12/2026" and "05122026" are
 * taken as 05/12/2026 in Vietnamese.
 */
import type { Locale } from '../../common/access';
import { DATE_INPUT_FORMATS } from '../app/i18n';

export function dateInputFormats(locale: Locale): string[] {
  const shown = DATE_INPUT_FORMATS[locale];
  const loose = shown.replace('DD', 'D').replace('MM', 'M');
  const digits = shown.replace(/[^DMY]/g, '');
  return [...new Set([shown, loose, digits])];
}
