/**
 * What the staff app (app/i18n.ts) and the public page (features/petitions/public/portal-i18n.ts)
 * share about the interface language: the remembered choice (one key, so both speak the same
 * language on one device), the page's `lang` and `dir`, and i18next's set-up. Nothing here loads
 * antd or dayjs: the public page's small bundle uses neither.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale, RTL_LOCALES } from '../../common/access';

export const DEFAULT_LOCALE: Locale = 'vi';
const STORAGE_KEY = 'danvan.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isRtl(locale: Locale): boolean {
  return RTL_LOCALES.includes(locale);
}

/** The language i18next speaks now, or the default. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** The language chosen on this browser. */
export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage refused (private mode): the default.
    return DEFAULT_LOCALE;
  }
}

/**
 * Switches the page to `locale` once its strings are loaded (`catalog`, when not loaded yet): the
 * page's `lang` and `dir`, the choice remembered, i18next, the window's title from `titleKey`.
 */
export async function switchLanguage(locale: Locale, catalog: Record<string, unknown> | undefined, titleKey: string): Promise<void> {
  if (catalog) i18n.addResourceBundle(locale, 'translation', catalog, true, true);
  const html = document.documentElement;
  html.lang = locale;
  html.dir = isRtl(locale) ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18n.changeLanguage(locale);
  document.title = i18n.t(titleKey);
}

/** i18next with no strings yet (each language's are added when it is first used). */
export async function initI18next(locale: Locale): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: locale,
    resources: {},
    partialBundledLanguages: true,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
    showSupportNotice: false,
  });
}
