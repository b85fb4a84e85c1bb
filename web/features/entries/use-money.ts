import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_TAGS, isLocale } from '../../app/i18n';

/** VND amounts (strings of digits) as currency in the interface language: "1.500.000 ₫" in Vietnamese. */
export function useMoney(): (vnd: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const tag = INTL_TAGS[isLocale(language) ? language : 'vi'];
    const currency = new Intl.NumberFormat(tag, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
    return (vnd) => (vnd && /^\d+$/.test(vnd) ? currency.format(BigInt(vnd)) : '');
  }, [language]);
}
