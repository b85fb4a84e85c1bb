import Result from 'antd/es/result';
import { useTranslation } from 'react-i18next';

/** What a user sees on a page or action their roles do not allow. */
export function ForbiddenResult() {
  const { t } = useTranslation();
  return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.FORBIDDEN')} role="alert" />;
}
