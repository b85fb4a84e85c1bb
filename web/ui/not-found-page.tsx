import { Link } from '@tanstack/react-router';
import Result from 'antd/es/result';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.NOT_FOUND')} extra={<Link to="/">{t('common.backHome')}</Link>} />;
}
