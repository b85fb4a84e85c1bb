import Select from 'antd/es/select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../common/access';

type Props = { value: Locale; onChange: (locale: Locale) => void; loading?: boolean; showLabel?: boolean };

/** Picks the interface language; each language is named in itself. */
export function LanguageSelect({ value, onChange, loading, showLabel = true }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <label htmlFor={id} className={showLabel ? undefined : 'visually-hidden'}>
        {t('common.language')}
      </label>
      <Select<Locale>
        id={id}
        value={value}
        onChange={onChange}
        loading={loading}
        style={{ minWidth: 160 }}
        options={LOCALES.map((locale) => ({ value: locale, label: <span lang={locale}>{t(`languageNames.${locale}`)}</span> }))}
       
      />
    </span>
  );
}
