/**
 * The public page's languages: i18next with only the public page's strings of one language at a
 * time (virtual:portal-catalog/<locale>, web/vite-portal-catalog.ts); the choice, `lang`/`dir` and
 * i18next's set-up shared with the staff app (app/i18n-core.ts). No antd or dayjs locale: the page
 * uses neither.
 */
import i18n from 'i18next';
import vi from 'virtual:portal-catalog/vi';
import type { Locale } from '../../../../common/access';
import { initI18next, storedLocale, switchLanguage } from '../../../app/i18n-core';

// The default language's strings come with the page's script (a few KB), not a round trip after
// it: most citizens read Vietnamese, and on a slow mobile network each round trip is half a second.
const catalogs: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => Promise.resolve({ default: vi }),
  en: () => import('virtual:portal-catalog/en'),
  ru: () => import('virtual:portal-catalog/ru'),
  sv: () => import('virtual:portal-catalog/sv'),
  id: () => import('virtual:portal-catalog/id'),
  pl: () => import('virtual:portal-catalog/pl'),
  ar: () => import('virtual:portal-catalog/ar'),
};

/** Loads a language's strings and switches the page to it. */
export async function setPortalLanguage(locale: Locale): Promise<void> {
  const catalog = i18n.hasResourceBundle(locale, 'translation') ? undefined : (await catalogs[locale]()).default;
  await switchLanguage(locale, catalog, 'petitions.public.title');
}

export async function initPortalI18n(): Promise<void> {
  const locale = storedLocale();
  await initI18next(locale);
  await setPortalLanguage(locale);
}
