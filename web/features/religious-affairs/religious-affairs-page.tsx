/**
 * "Dân tộc, tôn giáo": the registers of a unit in tabs (organizations, places of worship,
 * dignitaries, prestigious persons with their support, events) and the figures by religion and
 * ethnicity. The unit, tab, year and words live in the URL. Editors add and change records; names
 * of people are masked, and holders of situation.identity reveal them one at a time (audited) or
 * export them with a reason.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Tabs from 'antd/es/tabs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { DownloadButton } from '../../ui/download-button';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { useMe } from '../auth/auth.api';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { FiguresPanel } from './figures-panel';
import { NamesExportModal } from './names-export-modal';
import { RegisterFormModal } from './register-form-modal';
import { RegisterTable } from './register-table';
import { type RecordOf, type Register, registerExportUrl, RELIGIOUS_PAGE_SIZE, useRegister, useReligiousCatalogues } from './religious-affairs.api';
import { RELIGIOUS_TABS, type ReligiousSearch, validateReligiousSearch } from './religious-search';

export function ReligiousAffairsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as ReligiousSearch;
  const canWrite = useCan('data.write');
  const canNames = useCan('situation.identity');
  const unitId = search.unitId ?? me?.grants[0]?.unitId;
  const tab = search.tab ?? 'organizations';
  const year = search.year ?? new Date().getFullYear();
  const page = search.page ?? 1;
  const catalogues = useReligiousCatalogues();
  const filterUnit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const register = tab === 'figures' ? null : tab;
  const list = useRegister(register ?? 'organizations', register ? unitId : undefined, search.q ?? '', page);
  const [editing, setEditing] = useState<{ record?: RecordOf[Register] } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [words, setWords] = useState(search.q ?? '');
  const ids = { unit: useId(), year: useId(), q: useId() };
  const update = (patch: Partial<ReligiousSearch>) => void navigate({ to: '/religious-affairs', search: validateReligiousSearch({ ...search, page: undefined, ...patch }) });
  const label = (id: string, text: string) => (
    <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
      {text}
    </label>
  );
  const personal = register === 'dignitaries' || register === 'persons' ? register : null;

  return (
    <>
      <PageHeading title={t('religiousAffairs.title')}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {personal && unitId && (
            <DownloadButton href={registerExportUrl(personal, unitId)} fileName={`${personal}.xlsx`} onError={setExportError} data-testid="export-masked">
              {t('common.exportExcel')}
            </DownloadButton>
          )}
          {personal && unitId && canNames && (
            <Button onClick={() => setExporting(true)} data-testid="export-with-names">
              {t('religiousAffairs.export.withNames')}
            </Button>
          )}
          {register && canWrite && unitId && (
            <Button type="primary" onClick={() => setEditing({})} data-testid="register-create">
              {t('religiousAffairs.create')}
            </Button>
          )}
        </div>
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 460 }}>
            {label(ids.unit, t('religiousAffairs.filters.unit'))}
            <UnitPicker id={ids.unit} value={unitId} allowClear={false} initialLabel={filterUnit.data?.unit.name} onChange={(id) => update({ unitId: id })} />
          </div>
          {register ? (
            <div style={{ flex: '1 1 220px', maxWidth: 360 }}>
              {label(ids.q, t('religiousAffairs.filters.q'))}
              <Input.Search id={ids.q} value={words} onChange={(e) => setWords(e.target.value)} onSearch={(q) => update({ q: q || undefined })} allowClear />
              <div className="muted" style={{ fontSize: 12 }}>
                {personal && !canNames ? t('religiousAffairs.filters.qNoNames') : ''}
              </div>
            </div>
          ) : (
            <div style={{ flex: '0 0 140px' }}>
              {label(ids.year, t('religiousAffairs.filters.year'))}
              <InputNumber id={ids.year} min={1990} max={2100} value={year} onChange={(v) => v && update({ year: v })} style={{ width: '100%' }} />
            </div>
          )}
        </div>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as ReligiousSearch['tab'], q: undefined })}
        items={RELIGIOUS_TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`religiousAffairs.tabs.${key}`)}</span> }))}
      />
      <ErrorAlert error={list.error ?? exportError} />
      {register && (
        <RegisterTable
          register={register}
          rows={(list.data?.items ?? []) as RecordOf[typeof register][]}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={RELIGIOUS_PAGE_SIZE}
          loading={list.isFetching}
          catalogues={catalogues.data}
          canEdit={canWrite}
          onEdit={(record) => setEditing({ record })}
          onPage={(p) => void navigate({ to: '/religious-affairs', search: validateReligiousSearch({ ...search, page: p }) })}
        />
      )}
      {tab === 'figures' && unitId && <FiguresPanel unitId={unitId} year={year} catalogues={catalogues.data} />}
      {editing && register && unitId && <RegisterFormModal register={register} unitId={unitId} record={editing.record} catalogues={catalogues.data} onClose={() => setEditing(null)} />}
      {exporting && personal && unitId && <NamesExportModal register={personal} unitId={unitId} onClose={() => setExporting(false)} />}
    </>
  );
}
