import Col from 'antd/es/col';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Row from 'antd/es/row';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../common/access';
import { CATALOGUE_CODE } from '../../../common/units';

/** The new row's code (a-z, 0-9, _), checked as the server checks it. */
export function CodeField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('catalogues.code')}
      name="code"
      extra={t('catalogues.codeHelp')}
      rules={[{ required: true, message: t('catalogues.codeRequired') }, { pattern: CATALOGUE_CODE, message: t('catalogues.codeFormat') }]}
    >
      <Input maxLength={41} autoComplete="off" />
    </Form.Item>
  );
}

/** A name in every interface language (`names.vi` … `names.ar`): Vietnamese required, the others shown when given. */
export function NamesFields({ max }: { max: number }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      {LOCALES.map((locale) => (
        <Col xs={24} sm={12} key={locale}>
          <Form.Item
            label={t('catalogues.nameIn', { language: t(`languageNames.${locale}`) })}
            name={['names', locale]}
            rules={[{ required: locale === 'vi', whitespace: true, message: t('catalogues.nameViRequired') }, { max, message: t('catalogues.tooLong', { max }) }]}
          >
            <Input maxLength={max} lang={locale} dir={locale === 'ar' ? 'rtl' : undefined} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** The names actually typed, trimmed (an empty language is left out: the interface falls back to Vietnamese). */
export function namesOf(names: Partial<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(names ?? {}).flatMap(([locale, name]) => (name?.trim() ? [[locale, name.trim()]] : [])));
}
