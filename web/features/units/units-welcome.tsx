import Card from 'antd/es/card';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';

/** The right-hand side before a unit is chosen. */
export function UnitsWelcome() {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('units.chooseUnit')}
      </Typography.Paragraph>
    </Card>
  );
}
