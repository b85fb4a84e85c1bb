import { Link } from '@tanstack/react-router';
import Breadcrumb from 'antd/es/breadcrumb';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from './units.api';

/** Breadcrumb from the root to the unit, each ancestor a link. */
export function UnitBreadcrumb({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('units.breadcrumbLabel')}>
      <Breadcrumb
        items={[
          ...detail.ancestors.map((a) => ({ key: a.id, title: <Link to="/units/$unitId" params={{ unitId: a.id }}>{a.name}</Link> })),
          { key: detail.unit.id, title: detail.unit.name },
        ]}
      />
    </nav>
  );
}
