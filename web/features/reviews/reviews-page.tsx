import { Link, useNavigate } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import DatePicker from 'antd/es/date-picker';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, DATE_INPUT_FORMATS } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { usePeriods } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { type PeriodInput, type PeriodKind, type ReviewConference, useConferences, useCreateConference } from './reviews.api';
import { usePeriodLabel } from './use-period-label';
import { PageHeading } from '../../ui/page-heading';

const PAGE_SIZE = 20;

export function ReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const canWrite = useCan('data.write');
  const unitLabel = useId();
  const yearLabel = useId();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useConferences({ unitId, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('reviews.title')}>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('reviews.create')}
          </Button>
        )}
      </PageHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div style={{ flex: '1 1 260px' }}>
            <label htmlFor={unitLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('reviews.unitFilter')}
            </label>
            <UnitPicker
              id={unitLabel}
              value={unitId}
              includeRetired
              onChange={(v) => {
                setUnitId(v);
                setPage(1);
              }}
            />
          </div>
          <div>
            <label htmlFor={yearLabel} style={{ display: 'block', marginBottom: 4 }}>
              {t('reviews.year')}
            </label>
            <InputNumber
              id={yearLabel}
              min={2000}
              max={2100}
              precision={0}
              value={year}
              onChange={(v) => {
                setYear(v ?? undefined);
                setPage(1);
              }}
            />
          </div>
        </div>
      </Card>
      <ErrorAlert error={list.error} />
      <Table<ReviewConference>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('common.noResults') }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'title',
            title: t('reviews.conferenceTitle'),
            render: (_, c) => (
              <Link to="/reviews/$conferenceId" params={{ conferenceId: c.id }}>
                {c.title}
              </Link>
            ),
          },
          { key: 'unit', title: t('reviews.unit'), render: (_, c) => c.unit.name },
          { key: 'heldOn', title: t('reviews.heldOn'), render: (_, c) => format.date(c.heldOn) },
          { key: 'period', title: t('reviews.period'), render: (_, c) => periodLabel(c) },
        ]}
      />
      {creating && <CreateConferenceModal onClose={() => setCreating(false)} />}
    </>
  );
}

type Values = {
  unitId: string;
  title: string;
  heldOn: Dayjs;
  periodKind: PeriodKind;
  year?: number;
  quarter?: number;
  emulationPeriodId?: string;
  range?: [Dayjs, Dayjs];
  participantsCount?: number | null;
  participants?: string;
  notes?: string;
};

function periodOf(v: Values): PeriodInput {
  switch (v.periodKind) {
    case 'quarter':
      return { periodKind: 'quarter', year: v.year ?? 0, quarter: v.quarter ?? 1 };
    case 'year':
      return { periodKind: 'year', year: v.year ?? 0 };
    case 'emulation_period':
      return { periodKind: 'emulation_period', emulationPeriodId: v.emulationPeriodId ?? '' };
    default:
      return { periodKind: 'custom', periodStart: v.range?.[0].format('YYYY-MM-DD') ?? '', periodEnd: v.range?.[1].format('YYYY-MM-DD') ?? '' };
  }
}

function CreateConferenceModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateConference();
  const periods = usePeriods();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('periodKind', form);
  const dateFormat = DATE_INPUT_FORMATS[currentLocale()];

  const submit = (v: Values) =>
    create.mutate(
      {
        unitId: v.unitId,
        title: v.title.trim(),
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        period: periodOf(v),
        participantsCount: v.participantsCount ?? null,
        participants: v.participants?.trim() || null,
        notes: v.notes?.trim() || null,
      },
      { onSuccess: (c) => void navigate({ to: '/reviews/$conferenceId', params: { conferenceId: c.id } }) },
    );

  return (
    <Modal
      open
      title={t('reviews.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'conference', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="conference" name="conference" layout="vertical" onFinish={submit} initialValues={{ periodKind: 'quarter', year: new Date().getFullYear(), quarter: 1 }}>
        <Form.Item label={t('reviews.unit')} name="unitId" rules={[{ required: true, message: t('reviews.unitRequired') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label={t('reviews.conferenceTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('reviews.titleRequired') }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t('reviews.heldOn')} name="heldOn" rules={[{ required: true, message: t('reviews.heldOnRequired') }]}>
          <DatePicker format={dateFormat} />
        </Form.Item>
        <Form.Item label={t('reviews.periodKind')} name="periodKind">
          <Radio.Group
            options={[
              { value: 'quarter', label: t('reviews.periodKinds.quarter') },
              { value: 'year', label: t('reviews.periodKinds.year') },
              { value: 'emulation_period', label: t('reviews.periodKinds.emulation_period') },
              { value: 'custom', label: t('reviews.periodKinds.custom') },
            ]}
          />
        </Form.Item>
        {(kind === 'quarter' || kind === 'year') && (
          <Form.Item label={t('reviews.year')} name="year" rules={[{ required: true, message: t('reviews.yearRequired') }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        )}
        {kind === 'quarter' && (
          <Form.Item label={t('reviews.quarter')} name="quarter" rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: String(q) }))} />
          </Form.Item>
        )}
        {kind === 'emulation_period' && (
          <Form.Item label={t('reviews.emulationPeriod')} name="emulationPeriodId" rules={[{ required: true, message: t('reviews.emulationPeriodRequired') }]}>
            <Select options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        {kind === 'custom' && (
          <Form.Item label={t('reviews.period')} name="range" rules={[{ required: true, message: t('reviews.rangeRequired') }]}>
            <DatePicker.RangePicker format={dateFormat} />
          </Form.Item>
        )}
        <Form.Item label={t('reviews.participantsCount')} name="participantsCount" rules={[{ type: 'number', min: 0, message: t('entries.notNegative') }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item label={t('reviews.participants')} name="participants" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('reviews.notes')} name="notes" rules={[{ max: 20000 }]}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
