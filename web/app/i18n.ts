/**
 * Interface language: i18next with one catalog per language (loaded on demand), the matching
 * antd and dayjs locales, and the page's `lang`/`dir`. Before sign-in the choice comes from
 * localStorage; after sign-in from the account (see features/auth).
 */
import dayjs from 'dayjs';
import i18n from 'i18next';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale, RTL_LOCALES } from '../../common/access';

export const DEFAULT_LOCALE: Locale = 'vi';
const STORAGE_KEY = 'danvan.locale';

type Catalog = { default: Record<string, unknown> };
const catalogs = import.meta.glob<Catalog>('../locales/*.json');

const antdLocales: Record<Locale, () => Promise<{ default: AntdLocale }>> = {
  vi: () => import('antd/es/locale/vi_VN'),
  en: () => import('antd/es/locale/en_US'),
  ru: () => import('antd/es/locale/ru_RU'),
  sv: () => import('antd/es/locale/sv_SE'),
  id: () => import('antd/es/locale/id_ID'),
  pl: () => import('antd/es/locale/pl_PL'),
  ar: () => import('antd/es/locale/ar_EG'),
};

const dayjsLocales: Record<Locale, () => Promise<unknown>> = {
  vi: () => import('dayjs/locale/vi'),
  en: () => import('dayjs/locale/en'),
  ru: () => import('dayjs/locale/ru'),
  sv: () => import('dayjs/locale/sv'),
  id: () => import('dayjs/locale/id'),
  pl: () => import('dayjs/locale/pl'),
  ar: () => import('dayjs/locale/ar'),
};

/** BCP 47 tags for Intl: English dates day-first (en-GB), as the users read them. */
export const INTL_TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB', ru: 'ru-RU', sv: 'sv-SE', id: 'id-ID', pl: 'pl-PL', ar: 'ar-EG' };

/** How dates are typed in date pickers, as each language writes them (dayjs tokens). */
export const DATE_INPUT_FORMATS: Record<Locale, string> = {
  vi: 'DD/MM/YYYY',
  en: 'DD/MM/YYYY',
  ru: 'DD.MM.YYYY',
  sv: 'YYYY-MM-DD',
  id: 'DD/MM/YYYY',
  pl: 'DD.MM.YYYY',
  ar: 'DD/MM/YYYY',
};

let antdLocale: AntdLocale | undefined;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export function isRtl(locale: Locale): boolean {
  return RTL_LOCALES.includes(locale);
}

/** The antd locale of the current language (loaded by `applyLanguage`). */
export function currentAntdLocale(): AntdLocale | undefined {
  return antdLocale;
}

/** The language chosen on this browser before sign-in. */
export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Loads everything a language needs, then switches the whole page to it. */
export async function applyLanguage(locale: Locale): Promise<void> {
  const [catalog, antd] = await Promise.all([
    i18n.hasResourceBundle(locale, 'translation') ? undefined : catalogs[`../locales/${locale}.json`]?.(),
    antdLocales[locale](),
    dayjsLocales[locale](),
  ]);
  if (catalog) i18n.addResourceBundle(locale, 'translation', catalog.default, true, true);
  antdLocale = antd.default;
  dayjs.locale(locale);
  const html = document.documentElement;
  html.lang = locale;
  html.dir = isRtl(locale) ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18n.changeLanguage(locale);
  document.title = i18n.t('app.title');
}

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: storedLocale(),
    resources: {},
    partialBundledLanguages: true,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
    showSupportNotice: false,
  });
  await applyLanguage(storedLocale());
}

export { i18n };
