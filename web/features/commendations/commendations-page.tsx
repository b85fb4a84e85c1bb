import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberInput } from '../../ui/number-input';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { commendationListQuery, type CommendationSearch, COMMENDATIONS_PAGE_SIZE, validateCommendationSearch } from './commendation-search';
import { usePeriods } from '../entries/entries.api';
import { DecisionFields } from './commendation-fields';
import { useCommendedSummary } from './use-commended-summary';
import { type Commendation, localName, recipientLabel, type RecipientKind, useCommendationForms, useCommendations, useCreateCommendation } from './commendations.api';
import { DownloadButton } from '../../ui/download-button';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';

export function CommendationsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const summaryText = useCommendedSummary();
  const canWrite = useCan('data.write');
  const forms = useCommendationForms();
  const unitLabel = useId();
  const yearLabel = useId();
  const kindLabel = useId();
  const periodLabel = useId();
  const periods = usePeriods();
  const formLabel = useId();
  const search = useSearch({ strict: false }) as CommendationSearch;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useCommendations(commendationListQuery(search));
  // After a reload or a shared link the picker knows only the unit's id: show its name.
  const filterUnit = useQuery({ queryKey: unitKeys.detail(search.unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${search.unitId}`), enabled: !!search.unitId });
  // The filters live in the URL (reload, back and a shared link keep them); a new filter starts at page 1.
  // The export holds what the list's filters match, every page of it.
  const exportHref = (format: 'xlsx' | 'csv') => {
    const { limit: _limit, offset: _offset, ...filters } = commendationListQuery(search);
    return apiUrl(`/api/commendations/export.${format}`, filters);
  };
  const [exportError, setExportError] = useState<unknown>(null);
  const update = (patch: Partial<CommendationSearch>) => void navigate({ to: '/commendations', search: validateCommendationSearch({ ...search, page: undefined, ...patch }) });

  return (
    <>
      <PageHeading title={t('commendations.title')}>
        <PrintButton />
        <DownloadButton href={exportHref('xlsx')} fileName="khen-thuong.xlsx" onError={setExportError} data-testid="export-xlsx">
          {t('common.exportExcel')}
        </DownloadButton>
        <DownloadButton href={exportHref('csv')} fileName="khen-thuong.csv" onError={setExportError} data-testid="export-csv">
          {t('common.exportCsv')}
        </DownloadButton>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('commendations.create')}
          </Button>
        )}
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 260px' }}>
            <label htmlFor={unitLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('commendations.unitFilter')}
            </label>
            <UnitPicker id={unitLabel} value={search.unitId} onChange={(unitId) => update({ unitId })} includeRetired initialLabel={filterUnit.data?.unit.name} />
          </div>
          <div>
            <label htmlFor={yearLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('commendations.year')}
            </label>
            <NumberInput
              id={yearLabel}
              min={2000}
              max={2100}
              grouping={false}
              style={{ width: 120 }}
              value={search.year ?? null}
              onChange={(v) => {
                // Text not read as a year (yet) leaves the filter as it is; the input says why.
                if (v === null || typeof v === 'number') update({ year: v ?? undefined });
              }}
            />
          </div>
          <div style={{ flex: '0 1 200px' }}>
            <label htmlFor={periodLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('commendations.period')}
            </label>
            <Select<string>
              id={periodLabel}
              allowClear
              style={{ width: '100%' }}
              value={search.periodId}
              onChange={(periodId) => update({ periodId })}
              options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </div>
          <div style={{ flex: '0 1 200px' }}>
            <label htmlFor={kindLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('commendations.recipientKind')}
            </label>
            <Select<RecipientKind>
              id={kindLabel}
              allowClear
              style={{ width: '100%' }}
              value={search.recipientKind}
              onChange={(recipientKind) => update({ recipientKind })}
              options={[
                { value: 'collective', label: t('commendations.collective') },
                { value: 'individual', label: t('commendations.individual') },
              ]}
            />
          </div>
          <div style={{ flex: '0 1 260px' }}>
            <label htmlFor={formLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('commendations.form')}
            </label>
            <Select<string>
              id={formLabel}
              allowClear
              style={{ width: '100%' }}
              value={search.formCode}
              onChange={(formCode) => update({ formCode })}
              options={(forms.data?.items ?? []).map((f) => ({ value: f.code, label: localName(f.names, i18n.language, f.code) }))}
            />
          </div>
        </div>
      </Card>
      <ErrorAlert error={list.error} />
      <ErrorAlert error={exportError} />
      {list.data && (
        <Typography.Paragraph strong data-testid="commendations-summary">
          {summaryText(list.data.summary)}
        </Typography.Paragraph>
      )}
      <Table<Commendation>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: search.page ?? 1,
          pageSize: COMMENDATIONS_PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: (page) => void navigate({ to: '/commendations', search: validateCommendationSearch({ ...search, page }) }),
          showSizeChanger: false,
        }}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'recipient',
            title: t('commendations.recipient'),
            render: (_, c) => (
              <Link to="/commendations/$commendationId" params={{ commendationId: c.id }}>
                {recipientLabel(c)}
              </Link>
            ),
          },
          { key: 'kind', title: t('commendations.recipientKind'), render: (_, c) => (c.recipientKind === 'individual' ? t('commendations.individual') : t('commendations.collective')) },
          { key: 'unit', title: t('commendations.unit'), render: (_, c) => c.unit.name },
          { key: 'form', title: t('commendations.form'), render: (_, c) => localName(c.formNames, i18n.language, c.formCode) },
          { key: 'decision', title: t('commendations.decision'), render: (_, c) => t('commendations.decisionOf', { number: c.decisionNumber, date: format.date(c.decisionDate) }) },
          { key: 'issuing', title: t('commendations.issuingUnit'), render: (_, c) => c.issuingUnit.name },
          {
            key: 'conference',
            title: t('commendations.conference'),
            render: (_, c) =>
              c.conferenceId ? (
                <Link to="/conferences/$conferenceId" params={{ conferenceId: c.conferenceId }}>
                  {t('commendations.openConference')}
                </Link>
              ) : (
                ''
              ),
          },
        ]}
      />
      {creating && <CreateCommendationModal onClose={() => setCreating(false)} />}
    </>
  );
}

type Values = {
  recipientKind: RecipientKind;
  unitId: string;
  name?: string;
  position?: string;
  issuingUnitId: string;
  formCode: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  reason?: string;
};

function CreateCommendationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const create = useCreateCommendation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('recipientKind', form);
  const submit = (v: Values) =>
    create.mutate(
      {
        recipientKind: v.recipientKind,
        unitId: v.unitId,
        issuingUnitId: v.issuingUnitId,
        ...(v.recipientKind === 'individual' ? { name: v.name?.trim(), position: v.position?.trim() || null } : {}),
        formCode: v.formCode,
        decisionNumber: v.decisionNumber.trim(),
        decisionDate: v.decisionDate.format('YYYY-MM-DD'),
        reason: v.reason?.trim() || null,
      },
      {
        // The new commendation's page: where it is checked, and linked to its entries.
        onSuccess: (saved) => {
          void message.success(t('commendations.created'));
          onClose();
          void navigate({ to: '/commendations/$commendationId', params: { commendationId: saved.id } });
        },
      },
    );
  return (
    <Modal
      open
      title={t('commendations.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'commendation', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="commendation" name="commendation" layout="vertical" onFinish={submit} initialValues={{ recipientKind: 'collective' }}>
        <Form.Item label={t('commendations.recipientKind')} name="recipientKind">
          <Radio.Group
            options={[
              { value: 'collective', label: t('commendations.collective') },
              { value: 'individual', label: t('commendations.individual') },
            ]}
          />
        </Form.Item>
        {kind === 'individual' && (
          <>
            <Form.Item label={t('commendations.personName')} name="name" rules={[{ required: true, whitespace: true, message: t('commendations.personNameRequired') }, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('commendations.position')} name="position" rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={kind === 'individual' ? t('commendations.personUnit') : t('commendations.collectiveUnit')}
          name="unitId"
          rules={[{ required: true, message: t('commendations.unitRequired') }]}
        >
          <UnitPicker />
        </Form.Item>
        <Form.Item label={t('commendations.issuingUnit')} name="issuingUnitId" rules={[{ required: true, message: t('commendations.unitRequired') }]}>
          <UnitPicker />
        </Form.Item>
        <DecisionFields />
        <Form.Item label={t('commendations.reason')} name="reason" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
