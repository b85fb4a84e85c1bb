import { useTranslation } from 'react-i18next';
import { useSetLanguage } from '../features/auth/auth.api';
import { LanguageSelect } from '../ui/language-select';
import { currentLocale } from './i18n';

/** The language picker: remembered in the browser, and in the account once signed in. */
export function LanguageSwitcher({ showLabel }: { showLabel?: boolean }) {
  useTranslation();
  const setLanguage = useSetLanguage();
  return <LanguageSelect value={currentLocale()} onChange={(locale) => setLanguage.mutate(locale)} loading={setLanguage.isPending} showLabel={showLabel} />;
}
