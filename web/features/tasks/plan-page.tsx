/**
 * A unit's plan for a document (kế hoạch thực hiện): its dates, the totals of its tasks and its
 * root tasks; its editors give tasks to units below ("Giao nhiệm vụ").
 */
import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { AssignTasksModal } from './assign-tasks-modal';
import { RollupBar } from './rollup-bar';
import { TaskTable } from './task-table';
import { usePlan } from './tasks.api';

export function PlanPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { planId } = useParams({ strict: false }) as { planId: string };
  const plan = usePlan(planId);
  const [assigning, setAssigning] = useState(false);
  if (plan.isPending) return <PageSpinner />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const p = plan.data;

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/policy-documents/$documentId" params={{ documentId: p.document.id }}>
          {t('tasks.plan.backToDocument')}
        </Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0, overflowWrap: 'anywhere' }} data-testid="plan-title">
          {t('tasks.plan.ofUnit', { unit: p.unit.name })}
        </Typography.Title>
        {p.can.assign && (
          <Button type="primary" className="screen-only" onClick={() => setAssigning(true)} data-testid="assign-tasks">
            {t('tasks.assign.title')}
          </Button>
        )}
      </div>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: '30%', minWidth: 120 } }}
        items={[
          {
            key: 'document',
            label: t('tasks.fields.document'),
            children: (
              <Link to="/policy-documents/$documentId" params={{ documentId: p.document.id }}>
                <bdi dir="ltr">{p.document.numberAndSymbol}</bdi> <bdi>{p.document.title}</bdi>
              </Link>
            ),
          },
          { key: 'period', label: t('tasks.plan.period'), children: format.dateRange(p.startsOn, p.endsOn) },
          {
            key: 'totals',
            label: t('tasks.plan.totals'),
            children: (
              <div style={{ maxWidth: 420 }}>
                <div style={{ marginBottom: 4 }} data-testid="plan-totals">
                  {t('tasks.rollup.leavesDone', { done: p.totals.done, leaves: p.totals.leaves })} · {t('tasks.rollup.unitsReported', { reported: p.totals.unitsReported, tasked: p.totals.unitsTasked })}
                </div>
                <RollupBar totals={p.totals} />
              </div>
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('tasks.plan.rootTasks', { count: p.tasks.total })}
      </Typography.Title>
      <TaskTable tasks={p.tasks.items} testId="plan-tasks" />
      {assigning && <AssignTasksModal plan={p} onClose={() => setAssigning(false)} />}
    </Card>
  );
}
