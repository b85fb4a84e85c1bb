import { Outlet, useParams } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Switch from 'antd/es/switch';
import Typography from 'antd/es/typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitSearch } from './unit-search';
import { UnitTree } from './unit-tree';

/** Units: search and the tree on one side, the chosen unit on the other. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [showRetired, setShowRetired] = useState(false);
  const switchId = useId();
  const { unitId } = useParams({ strict: false });

  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 360px', maxWidth: 520, minWidth: 0 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('units.title')}
        </Typography.Title>
        <Card style={{ marginBottom: 16 }}>
          <UnitSearch />
        </Card>
        <Card>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
            <Switch id={switchId} checked={showRetired} onChange={setShowRetired} data-testid="show-retired" />
            <label htmlFor={switchId}>{t('units.showRetired')}</label>
          </div>
          <UnitTree showRetired={showRetired} selectedId={unitId} />
        </Card>
      </div>
      {/* Stays in view while the tree is scrolled; scrolls itself when taller than the window. */}
      <div style={{ flex: '2 1 480px', minWidth: 0, position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
        <Outlet />
      </div>
    </div>
  );
}
