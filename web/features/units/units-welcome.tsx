import { Link } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-can';

/** The right-hand side before a unit is chosen; for a system administrator, the successions to check. */
export function UnitsWelcome() {
  const { t } = useTranslation();
  const systemAdmin = useCan('system.manage');
  return (
    <Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('units.chooseUnit')}
      </Typography.Paragraph>
      {systemAdmin && (
        <Typography.Paragraph style={{ margin: '12px 0 0' }}>
          <Link to="/units/successions" data-testid="succession-review-link">
            {t('units.reviewLink')}
          </Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
