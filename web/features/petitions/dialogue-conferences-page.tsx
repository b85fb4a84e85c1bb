/**
 * Dialogue conferences of an area in a year, by child unit: how many communes held one, and which
 * did not (the law asks every commune for at least the rule's number a year). Unit and year live
 * in the URL; a retired commune's conference counts for its successor.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Select from 'antd/es/select';
import Switch from 'antd/es/switch';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingDialogues } from '../../../common/dialogue';
import { todayInVietnam } from '../../../common/units';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { UnitPicker } from '../units/unit-picker';
import { type UnitDetail, unitKeys } from '../units/units.api';
import { type DialogueSearch, validateDialogueSearch } from './dialogue-search';
import { useMissingDialogues } from './reception.api';

type Group = MissingDialogues['groups'][number];
/** Communes a page in the one-row-a-commune view (a province has up to 168). */
const PAGE = 30;
type CommuneRow = { id: string; name: string; conferences: number; state: 'held' | 'short' | 'none' };

export function DialogueConferencesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as DialogueSearch;
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const unitId = search.unitId ?? me?.grants[0]?.unitId;
  const year = search.year ?? thisYear;
  const missing = useMissingDialogues({ unitId, year });
  const filterUnit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const [onlyWithout, setOnlyWithout] = useState(true);
  const [page, setPage] = useState(1);
  const update = (patch: DialogueSearch) => {
    setPage(1);
    void navigate({ to: '/dialogue-conferences', search: validateDialogueSearch({ unitId, year, ...patch }) });
  };
  const ids = { unit: useId(), year: useId(), only: useId() };
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const m = missing.data;
  const n = (v: number) => format.number(v);
  // Where the area's children are the communes themselves (a province since July 2025), a group per
  // commune would repeat "1 / 0 / its own name": one row a commune, those without first, reads better.
  const flat = !!m && m.groups.length > 0 && m.groups.every((g) => g.communes === 1 && (g.held === 1 || g.without[0]?.id === g.unit.id));
  const communes: CommuneRow[] = flat
    ? m.groups
        .map((g): CommuneRow => {
          const w = g.without[0];
          return { id: g.unit.id, name: g.unit.name, conferences: w?.conferences ?? 0, state: !w ? 'held' : w.conferences > 0 ? 'short' : 'none' };
        })
        .sort((a, b) => (a.state === 'held' ? 1 : 0) - (b.state === 'held' ? 1 : 0))
    : [];
  const shown = communes.filter((c) => !onlyWithout || c.state !== 'held');

  return (
    <>
      <PageHeading title={t('dialogue.title')}>
        <Link to="/reception">{t('dialogue.toRecords')}</Link>
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
            <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
              {t('petitions.filters.unit')}
            </label>
            <UnitPicker id={ids.unit} value={unitId} allowClear={false} initialLabel={filterUnit.data?.unit.name} onChange={(id) => update({ unitId: id ?? undefined })} />
          </div>
          <div style={{ flex: '0 1 120px' }}>
            <label htmlFor={ids.year} style={{ display: 'block', marginBottom: 4 }}>
              {t('dialogue.year')}
            </label>
            <Select id={ids.year} style={{ width: '100%' }} value={year} onChange={(y: number) => update({ year: y })} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="dialogue-year" />
          </div>
        </div>
      </Card>
      <ErrorAlert error={missing.error} />
      {m && (
        <>
          <Typography.Paragraph data-testid="dialogue-summary">
            {t('dialogue.summary', { held: n(m.held), communes: n(m.communes), without: n(m.without), year: m.year })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('dialogue.moreSource') }} data-testid="dialogue-rule">
            {m.rule ? (
              <>
                {/* First, so that folding the long source never hides that it is still to be confirmed. */}
                {m.rule.toConfirm && <Tag color="gold">{t('dialogue.toConfirm')}</Tag>}
                {t('dialogue.ruleLine', { perYear: n(m.rule.minPerYear), notice: n(m.rule.noticeDays), publish: n(m.rule.publishDays) })} {m.rule.legalSource}
              </>
            ) : (
              t('dialogue.noRule')
            )}
          </Typography.Paragraph>
          {flat ? (
            <>
              <Switch
                checked={onlyWithout}
                onChange={(v) => {
                  setOnlyWithout(v);
                  setPage(1);
                }} size="small" id={ids.only} style={{ marginInlineEnd: 8 }} />
              <label htmlFor={ids.only}>{t('dialogue.onlyWithout')}</label>
              <ResponsiveTable<CommuneRow>
                rowKey={(c) => c.id}
                size="small"
                data-testid="dialogue-communes"
                style={{ marginTop: 12 }}
                loading={missing.isFetching}
                dataSource={shown.slice((page - 1) * PAGE, page * PAGE)}
                pagination={shown.length > PAGE ? { current: page, pageSize: PAGE, total: shown.length, onChange: setPage } : false}
                cardTitleKey="name"
                locale={{ emptyText: t('dialogue.allHeld') }}
                columns={[
                  { key: 'name', title: t('dialogue.commune'), render: (_, c) => c.name },
                  {
                    key: 'state',
                    title: t('dialogue.state'),
                    render: (_, c) =>
                      c.state === 'held' ? (
                        <Tag color="green">{t('dialogue.held')}</Tag>
                      ) : c.state === 'short' ? (
                        <Tag color="orange" data-testid="dialogue-without">
                          {t('dialogue.shortOf', { name: c.name, held: n(c.conferences), required: n(m.required) })}
                        </Tag>
                      ) : (
                        <Tag color="red" data-testid="dialogue-without">
                          {t('dialogue.without')}
                        </Tag>
                      ),
                  },
                ]}
              />
            </>
          ) : (
            <ResponsiveTable<Group>
              rowKey={(g) => g.unit.id}
              size="small"
              data-testid="dialogue-groups"
              loading={missing.isFetching}
              dataSource={m.groups}
              pagination={false}
              cardTitleKey="unit"
              locale={{ emptyText: t('dialogue.noCommunes') }}
              columns={[
                { key: 'unit', title: t('dialogue.childUnit'), render: (_, g) => g.unit.name },
                { key: 'communes', title: t('dialogue.communes'), render: (_, g) => n(g.communes), width: 110, align: 'end' },
                { key: 'held', title: t('dialogue.held'), render: (_, g) => n(g.held), width: 110, align: 'end' },
                {
                  key: 'without',
                  title: t('dialogue.without'),
                  render: (_, g) =>
                    g.without.length ? (
                      <span data-testid="dialogue-without">
                        {g.without.map((c) => (
                          <Tag key={c.id} color={c.conferences > 0 ? 'orange' : 'red'}>
                            {/* A commune that held some, but fewer than the rule asks, says how many. */}
                            {c.conferences > 0 ? t('dialogue.shortOf', { name: c.name, held: n(c.conferences), required: n(m.required) }) : c.name}
                          </Tag>
                        ))}
                      </span>
                    ) : (
                      <Tag color="green">{t('dialogue.allHeld')}</Tag>
                    ),
                },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
