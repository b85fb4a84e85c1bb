/**
 * Interface language: i18next with one catalog per language (loaded on demand), the matching
 * antd and dayjs locales, and the page's `lang`/`dir`. Before sign-in the choice comes from
 * localStorage; after sign-in from the account (see features/auth).
 */
import dayjs from 'dayjs';
import i18n from 'i18next';
import type { Locale as AntdLocale } from 'antd/es/locale';
import type { Locale } from '../../common/access';
import { initI18next, storedLocale, switchLanguage } from './i18n-core';

export { currentLocale, DEFAULT_LOCALE, isLocale, isRtl, storedLocale } from './i18n-core';

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

/** BCP 47 tags for Intl (common/access.ts: the number parser and formatter use them too). */
export { INTL_TAGS } from '../../common/access';

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

/** The antd locale of the current language (loaded by `applyLanguage`). */
export function currentAntdLocale(): AntdLocale | undefined {
  return antdLocale;
}

/** Loads everything a language needs, then switches the whole page to it. */
export async function applyLanguage(locale: Locale): Promise<void> {
  const [catalog, antd] = await Promise.all([
    i18n.hasResourceBundle(locale, 'translation') ? undefined : catalogs[`../locales/${locale}.json`]?.(),
    antdLocales[locale](),
    dayjsLocales[locale](),
  ]);
  antdLocale = antd.default;
  dayjs.locale(locale);
  await switchLanguage(locale, catalog?.default, 'app.title');
}

export async function initI18n(): Promise<void> {
  const locale = storedLocale();
  await initI18next(locale);
  await applyLanguage(locale);
}

export { i18n };
