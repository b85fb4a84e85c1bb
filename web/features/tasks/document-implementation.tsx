/**
 * "Thực hiện" on a policy document's page: the units' plans for it, a button for an editor to
 * start one (an issued document of a kind that is carried out), and the roll-up of its tasks.
 */
import { Link, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { hasPermission } from '../auth/use-can';
import type { PolicyDocumentDetail } from '../policy-documents/policy-documents.api';
import { DocumentRollup } from './document-rollup';
import { PlanFormModal } from './plan-form-modal';
import type { RollupSearch } from './task-search';
import { useDocumentPlans } from './tasks.api';

export function DocumentImplementation({ document, implementable }: { document: PolicyDocumentDetail; implementable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const search = useSearch({ strict: false }) as RollupSearch;
  const plans = useDocumentPlans(document.id);
  const [creating, setCreating] = useState(false);
  if (document.status !== 'issued' || !implementable) return null;
  const topUnitId = me?.grants[0]?.unitId;
  const items = plans.data?.items ?? [];

  return (
    <section data-testid="document-implementation">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginTop: 24 }}>
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
          {t('tasks.implementation.title')}
        </Typography.Title>
        {hasPermission(me, 'data.write') && (
          <Button className="screen-only" onClick={() => setCreating(true)} data-testid="plan-create">
            {t('tasks.plan.create')}
          </Button>
        )}
      </div>
      <ErrorAlert error={plans.error} />
      {plans.data && items.length === 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('tasks.implementation.noPlans')}</Typography.Paragraph>}
      {items.length > 0 && (
        <ul style={{ paddingInlineStart: 20, marginTop: 8 }} data-testid="plans">
          {items.map((p) => (
            <li key={p.id} data-testid="plan">
              <Link to="/implementation-plans/$planId" params={{ planId: p.id }}>
                {t('tasks.plan.ofUnit', { unit: p.unit.name })}
              </Link>{' '}
              <Typography.Text type="secondary">({format.dateRange(p.startsOn, p.endsOn)})</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {topUnitId && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('tasks.rollup.title')}
          </Typography.Title>
          <DocumentRollup documentId={document.id} unitId={search.unitId ?? topUnitId} topUnitId={topUnitId} />
        </>
      )}
      {creating && <PlanFormModal documentId={document.id} onClose={() => setCreating(false)} />}
    </section>
  );
}
