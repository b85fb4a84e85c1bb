/**
 * A coordination program: its document, the force and the body that signed, the period, and the
 * yearly plans with their totals (done / open / overdue, as the roll-up counts them) and items with
 * their latest results. Each yearly plan is an implementation plan: its items are given on its own
 * page ("Giao nhiệm vụ").
 */
import { Link, useParams } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button-link';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { RollupBar, RollupLegend } from '../tasks/rollup-bar';
import { forceName, formatYear, useCoordinationProgram } from './coordination.api';
import { PlanItems } from './plan-items';
import { ProgramEditModal } from './program-edit-modal';
import { YearlyPlanModal } from './yearly-plan-modal';

export function ProgramDetailPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { programId } = useParams({ strict: false }) as { programId: string };
  const program = useCoordinationProgram(programId);
  const [editing, setEditing] = useState(false);
  const [addingYear, setAddingYear] = useState(false);
  if (program.isPending) return <PageSpinner />;
  if (program.isError) return <ErrorAlert error={program.error} />;
  const p = program.data;

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/coordination-programs">{t('coordination.backToList')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0, overflowWrap: 'anywhere' }} data-testid="program-title">
          <bdi>{p.document.title}</bdi>
        </Typography.Title>
        <div className="screen-only" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {p.can.edit && (
            <Button onClick={() => setEditing(true)} data-testid="program-edit">
              {t('coordination.edit.button')}
            </Button>
          )}
          {p.document.status === 'issued' && (
            <ButtonLink to="/policy-documents/$documentId" params={{ documentId: p.document.id }} hash="document-reviews" data-testid="program-reviews">
              {t('documentReviews.programLink')}
            </ButtonLink>
          )}
          {p.can.addYear && (
            <Button type="primary" onClick={() => setAddingYear(true)} data-testid="year-add">
              {t('coordination.years.add')}
            </Button>
          )}
        </div>
      </div>
      {p.document.status === 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('coordination.draftTitle')}
          description={t('coordination.draftHelp')}
          action={
            <ButtonLink size="small" to="/policy-documents/$documentId" params={{ documentId: p.document.id }}>
              {t('coordination.fields.document')}
            </ButtonLink>
          }
          data-testid="program-draft"
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: '30%', minWidth: 120 } }}
        items={[
          {
            key: 'document',
            label: t('coordination.fields.document'),
            children: (
              <>
                <Link to="/policy-documents/$documentId" params={{ documentId: p.document.id }} data-testid="program-document">
                  <bdi dir="ltr">{p.document.numberAndSymbol}</bdi>
                </Link>
                {p.document.issuedOn && <span> · {format.date(p.document.issuedOn)}</span>}
              </>
            ),
          },
          { key: 'partyUnit', label: t('coordination.fields.partyUnit'), children: <bdi>{p.partyUnit.name}</bdi> },
          {
            key: 'force',
            label: t('coordination.fields.force'),
            children: (
              <span data-testid="program-force">
                {forceName(p.force, i18n.language)} — <bdi>{p.forceBody}</bdi>
              </span>
            ),
          },
          { key: 'period', label: t('coordination.fields.period'), children: <span data-testid="program-period">{format.dateRange(p.periodFrom, p.periodTo)}</span> },
          ...(p.summary ? [{ key: 'summary', label: t('coordination.fields.summary'), children: <bdi style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</bdi> }] : []),
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
        {t('coordination.fields.yearlyPlans')}
      </Typography.Title>
      {p.yearlyPlans.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('coordination.years.none')}</Typography.Paragraph>
      ) : (
        <RollupLegend />
      )}
      {p.yearlyPlans.map((plan) => (
        <Card key={plan.id} size="small" style={{ marginBottom: 16 }} data-testid="yearly-plan" data-year={plan.year}>
          {/* A phone's card is too narrow for the title and the button on one line: the button wraps below. */}
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
            <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
              {t('coordination.years.ofYear', { year: formatYear(plan.year, i18n.language) })}
            </Typography.Title>
            <ButtonLink size="small" className="screen-only" to="/implementation-plans/$planId" params={{ planId: plan.id }} data-testid="yearly-plan-open">
              {t('coordination.years.open')}
            </ButtonLink>
          </div>
          <div style={{ maxWidth: 420, marginBottom: 12 }}>
            <div style={{ marginBottom: 4 }} data-testid="yearly-plan-totals">
              {format.dateRange(plan.startsOn, plan.endsOn)} · {t('tasks.rollup.leavesDone', { done: format.number(plan.totals.done), leaves: format.number(plan.totals.leaves) })}
              {plan.totals.overdue > 0 && <> · {t('tasks.rollup.overdueCount', { count: plan.totals.overdue })}</>}
            </div>
            <RollupBar totals={plan.totals} />
          </div>
          {plan.items.length ? <PlanItems items={plan.items} /> : <EmptyValue />}
        </Card>
      ))}
      {editing && (
        <ProgramEditModal
          program={p}
          onClose={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            void program.refetch();
          }}
        />
      )}
      {addingYear && <YearlyPlanModal program={p} onClose={() => setAddingYear(false)} />}
    </Card>
  );
}
