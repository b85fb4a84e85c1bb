import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { hasPermission, hasPermissionOn } from '../auth/use-can';
import { usePeriods } from '../entries/entries.api';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { CommendationEditModal } from './commendation-edit-modal';
import { type CommendationDetail, localName, recipientLabel, type UnitName, useCommendation } from './commendations.api';

export function CommendationDetailPage() {
  const { commendationId } = useParams({ strict: false }) as { commendationId: string };
  const commendation = useCommendation(commendationId);
  // A new edit form only when the user reloads after a conflict: it opens on the new version.
  const [generation, setGeneration] = useState(0);
  if (commendation.isPending) return <PageSpinner />;
  if (commendation.isError) return <ErrorAlert error={commendation.error} />;
  return <CommendationView key={generation} commendation={commendation.data} onReload={() => void commendation.refetch().then(() => setGeneration((g) => g + 1))} reopen={generation > 0} />;
}

/**
 * Changing a commendation needs data.write on its issuing unit (docs/commendations.md), which the
 * menu's "some unit" check cannot tell: the issuing unit's ancestors decide. A reader who cannot
 * read the issuing unit (a commune reading the province's decision) cannot change it either.
 */
function useCanEdit(issuingUnit: UnitName): boolean {
  const me = useMe();
  // Readers who write nowhere need not ask for the issuing unit's ancestors.
  const writer = hasPermission(me, 'data.write');
  const unit = useQuery({ queryKey: unitKeys.detail(issuingUnit.id), queryFn: () => api.get<UnitDetail>(`/api/units/${issuingUnit.id}`), enabled: writer });
  return writer && !!unit.data && hasPermissionOn(me, 'data.write', issuingUnit.id, unit.data.ancestors.map((a) => a.id));
}

function UnitLink({ unit }: { unit: UnitName }) {
  return (
    <Link to="/units/$unitId" params={{ unitId: unit.id }}>
      {unit.name}
    </Link>
  );
}

function CommendationView({ commendation: c, onReload, reopen }: { commendation: CommendationDetail; onReload: () => void; reopen: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const periods = usePeriods();
  const canEdit = useCanEdit(c.issuingUnit);
  const [editing, setEditing] = useState(reopen);
  const individual = c.recipientKind === 'individual';
  const period = periods.data?.items.find((p) => p.id === c.emulationPeriodId);

  return (
    <Card>
      <Typography.Paragraph className="screen-only">
        <Link to="/commendations">{t('commendations.backToList')}</Link>
      </Typography.Paragraph>
      <PageHeading title={<span data-testid="commendation-title">{recipientLabel(c)}</span>}>
        <PrintButton />
        {canEdit && (
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('commendations.edit')}
          </Button>
        )}
      </PageHeading>
      <Descriptions
        column={1}
        size="small"
        bordered
        data-testid="commendation-fields"
        items={[
          { key: 'kind', label: t('commendations.recipientKind'), children: individual ? t('commendations.individual') : t('commendations.collective') },
          ...(individual
            ? [
                { key: 'name', label: t('commendations.personName'), children: c.name },
                { key: 'position', label: t('commendations.position'), children: c.position ?? <EmptyValue /> },
                { key: 'unit', label: t('commendations.personUnit'), children: <UnitLink unit={c.unit} /> },
              ]
            : [{ key: 'unit', label: t('commendations.collectiveUnit'), children: <UnitLink unit={c.unit} /> }]),
          { key: 'form', label: t('commendations.form'), children: localName(c.formNames, i18n.language, c.formCode) },
          { key: 'issuing', label: t('commendations.issuingUnit'), children: <UnitLink unit={c.issuingUnit} /> },
          { key: 'decision', label: t('commendations.decision'), children: <span data-testid="commendation-decision">{t('commendations.decisionOf', { number: c.decisionNumber, date: format.date(c.decisionDate) })}</span> },
          { key: 'year', label: t('commendations.year'), children: c.year },
          { key: 'period', label: t('commendations.period'), children: c.emulationPeriodId ? (period?.name ?? c.emulationPeriodId) : <EmptyValue /> },
          {
            key: 'conference',
            label: t('commendations.conference'),
            children: c.conferenceId ? (
              <Link to="/conferences/$conferenceId" params={{ conferenceId: c.conferenceId }}>
                {t('commendations.openConference')}
              </Link>
            ) : (
              <EmptyValue />
            ),
          },
          { key: 'reason', label: t('commendations.reason'), children: c.reason ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</span> : <EmptyValue /> },
          {
            key: 'entries',
            label: t('commendations.entries'),
            children: c.entries.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="commendation-entries">
                {c.entries.map((e) => (
                  <li key={e.id}>
                    <Link to="/entries/$entryId" params={{ entryId: e.id }}>
                      {e.title}
                    </Link>{' '}
                    ({e.year})
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyValue />
            ),
          },
          { key: 'updated', label: t('commendations.updatedAt'), children: format.dateTime(c.updatedAt) },
        ]}
      />
      {editing && <CommendationEditModal commendation={c} onClose={() => setEditing(false)} onReload={onReload} />}
    </Card>
  );
}
