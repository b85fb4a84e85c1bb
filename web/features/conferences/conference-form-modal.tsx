import { useNavigate } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { DateField, DateRangeField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earliestReviewDay } from '../../../common/review-period';
import { ApiError, isApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberField } from '../../ui/number-field';
import { emulationPeriodName } from '../../ui/period-label';
import { useFormat } from '../../ui/use-format';
import { type EmulationPeriod, usePeriods } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { type PeriodInput, type PeriodKind, type ReviewConference, useCreateConference, useUpdateConference } from './conferences.api';
import { usePeriodLabel } from './use-period-label';

/** The server's bound (server/modules/conferences/conferences.schema.ts). */
const PARTICIPANTS_MAX = 10_000_000;

type Values = {
  unitId: string;
  title: string;
  heldOn: Dayjs;
  /** No default: the officer says which period the conference reviews (a default once saved a 2021–2025 review as Q1/2026). */
  periodKind?: PeriodKind;
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
      return { periodKind: 'quarter', year: v.year ?? 0, quarter: v.quarter ?? 0 };
    case 'year':
      return { periodKind: 'year', year: v.year ?? 0 };
    case 'emulation_period':
      return { periodKind: 'emulation_period', emulationPeriodId: v.emulationPeriodId ?? '' };
    default:
      return { periodKind: 'custom', periodStart: v.range?.[0].format('YYYY-MM-DD') ?? '', periodEnd: v.range?.[1].format('YYYY-MM-DD') ?? '' };
  }
}

function valuesOf(c: ReviewConference): Values {
  return {
    unitId: c.unit.id,
    title: c.title,
    heldOn: dayjs(c.heldOn),
    periodKind: c.periodKind,
    year: c.year ?? undefined,
    quarter: c.quarter ?? undefined,
    emulationPeriodId: c.emulationPeriod?.id,
    range: [dayjs(c.periodStart), dayjs(c.periodEnd)],
    participantsCount: c.participantsCount,
    participants: c.participants ?? undefined,
    notes: c.notes ?? undefined,
  };
}

const samePeriod = (a: PeriodInput, c: ReviewConference) => JSON.stringify(a) === JSON.stringify(periodOf(valuesOf(c)));

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The period the form's values name, with its first and last day as the server computes them
 * (conferences.service.ts resolvePeriod), or null while it is incomplete.
 */
export function chosenPeriod(v: Partial<Values>, periods: readonly EmulationPeriod[]): Pick<ReviewConference, 'periodKind' | 'year' | 'quarter' | 'emulationPeriod' | 'periodStart' | 'periodEnd'> | null {
  const none = { year: null, quarter: null, emulationPeriod: null };
  const year = typeof v.year === 'number' && v.year >= 2000 && v.year <= 2100 ? v.year : undefined;
  switch (v.periodKind) {
    case 'quarter': {
      if (!year || !v.quarter) return null;
      const last = v.quarter * 3;
      const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
      return { ...none, periodKind: 'quarter', year, quarter: v.quarter, periodStart: `${year}-${pad(last - 2)}-01`, periodEnd: `${year}-${pad(last)}-${pad(lastDay)}` };
    }
    case 'year':
      return year ? { ...none, periodKind: 'year', year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` } : null;
    case 'emulation_period': {
      const p = periods.find((x) => x.id === v.emulationPeriodId);
      return p ? { ...none, periodKind: 'emulation_period', emulationPeriod: { id: p.id, name: p.name }, periodStart: `${p.startYear}-01-01`, periodEnd: `${p.endYear}-12-31` } : null;
    }
    case 'custom':
      return v.range ? { ...none, periodKind: 'custom', periodStart: v.range[0].format('YYYY-MM-DD'), periodEnd: v.range[1].format('YYYY-MM-DD') } : null;
    default:
      return null;
  }
}

type Props = { conference?: ReviewConference; onClose: () => void; onReload?: () => void };

/**
 * Records a conference, or changes one (`conference` given): only the changed fields are sent,
 * with the version the form was opened on. When someone else saved meanwhile the server answers
 * CONFLICT and the form offers to reload the conference instead of overwriting their change.
 */
export function ConferenceFormModal({ conference, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const navigate = useNavigate();
  const create = useCreateConference();
  const update = useUpdateConference();
  const periods = usePeriods();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const kind = Form.useWatch('periodKind', form);
  // Field by field: Form.useWatch([]) over the whole form makes the type checker run out of memory.
  const year = Form.useWatch('year', form);
  const quarter = Form.useWatch('quarter', form);
  const emulationPeriodId = Form.useWatch('emulationPeriodId', form);
  const range = Form.useWatch('range', form);
  const period = chosenPeriod({ periodKind: kind, year, quarter, emulationPeriodId, range }, periods.data?.items ?? []);
  const saving = conference ? update : create;

  const submit = (v: Values) => {
    const fields = {
      title: v.title.trim(),
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      period: periodOf(v),
      participantsCount: v.participantsCount ?? null,
      participants: v.participants?.trim() || null,
      notes: v.notes?.trim() || null,
    };
    if (!conference) {
      create.mutate({ unitId: v.unitId, ...fields }, { onSuccess: (c) => void navigate({ to: '/conferences/$conferenceId', params: { conferenceId: c.id } }), onError: markHeldOn });
      return;
    }
    const changes = {
      ...(fields.title !== conference.title ? { title: fields.title } : {}),
      ...(fields.heldOn !== conference.heldOn ? { heldOn: fields.heldOn } : {}),
      ...(samePeriod(fields.period, conference) ? {} : { period: fields.period }),
      ...(fields.participantsCount !== conference.participantsCount ? { participantsCount: fields.participantsCount } : {}),
      ...(fields.participants !== conference.participants ? { participants: fields.participants } : {}),
      ...(fields.notes !== conference.notes ? { notes: fields.notes } : {}),
    };
    if (!Object.keys(changes).length) return onClose();
    update.mutate(
      { id: conference.id, version: conference.version, ...changes },
      {
        onSuccess: onClose,
        onError: (error) => {
          setConflict(isApiError(error, 'CONFLICT'));
          markHeldOn(error);
        },
      },
    );
  };

  /** The server's word that the conference is held too early for its period, on the day's field. */
  function markHeldOn(error: Error) {
    if (!(error instanceof ApiError) || error.code !== 'CONFERENCE_TOO_EARLY') return;
    const earliest = (error.details as { earliest?: unknown }[] | undefined)?.[0]?.earliest;
    form.setFields([{ name: 'heldOn', errors: [typeof earliest === 'string' ? t('conferences.heldTooEarly', { date: format.date(earliest) }) : t('errors.CONFERENCE_TOO_EARLY')] }]);
  }

  return (
    <Modal
      open
      title={conference ? t('conferences.editTitle') : t('conferences.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'conference', loading: saving.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('conferences.conflictTitle')}
          description={t('conferences.conflictHelp')}
          action={onReload && <Button onClick={onReload}>{t('common.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={saving.error} />
      )}
      <Form<Values>
        form={form}
        id="conference"
        name="conference"
        layout="vertical"
        onFinish={submit}
        initialValues={conference ? valuesOf(conference) : {}}
      >
        {!conference && (
          <Form.Item label={t('conferences.unit')} name="unitId" rules={[{ required: true, message: t('conferences.unitRequired') }]}>
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item label={t('conferences.conferenceTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('conferences.titleRequired') }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          label={t('conferences.heldOn')}
          name="heldOn"
          dependencies={['periodKind', 'year', 'quarter', 'emulationPeriodId', 'range']}
          rules={[
            { required: true, message: t('conferences.heldOnRequired') },
            ({ getFieldsValue }) => ({
              validator: async (_, value: Dayjs | null | undefined) => {
                const chosen = chosenPeriod(getFieldsValue(true) as Partial<Values>, periods.data?.items ?? []);
                if (!value || !chosen) return;
                const earliest = earliestReviewDay({ start: chosen.periodStart, end: chosen.periodEnd });
                if (value.format('YYYY-MM-DD') < earliest) throw new Error(t('conferences.heldTooEarly', { date: format.date(earliest) }));
              },
            }),
          ]}
        >
          <DateField />
        </Form.Item>
        <Form.Item label={t('conferences.periodKind')} name="periodKind" rules={[{ required: true, message: t('conferences.periodKindRequired') }]}>
          <Radio.Group
            options={[
              { value: 'quarter', label: t('conferences.periodKinds.quarter') },
              { value: 'year', label: t('conferences.periodKinds.year') },
              { value: 'emulation_period', label: t('conferences.periodKinds.emulation_period') },
              { value: 'custom', label: t('conferences.periodKinds.custom') },
            ]}
          />
        </Form.Item>
        {(kind === 'quarter' || kind === 'year') && (
          <NumberField label={t('conferences.year')} name="year" rules={[{ required: true, message: t('conferences.yearRequired') }]} min={2000} max={2100} grouping={false} input={{ style: { width: 120 } }} />
        )}
        {kind === 'quarter' && (
          <Form.Item label={t('conferences.quarter')} name="quarter" rules={[{ required: true, message: t('conferences.quarterRequired') }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: String(q) }))} />
          </Form.Item>
        )}
        {kind === 'emulation_period' && (
          <Form.Item label={t('conferences.emulationPeriod')} name="emulationPeriodId" rules={[{ required: true, message: t('conferences.emulationPeriodRequired') }]}>
            <Select options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: emulationPeriodName(p) }))} />
          </Form.Item>
        )}
        {kind === 'custom' && (
          <Form.Item label={t('conferences.period')} name="range" rules={[{ required: true, message: t('conferences.rangeRequired') }]}>
            <DateRangeField />
          </Form.Item>
        )}
        {period && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            data-testid="conference-period-preview"
            title={t('conferences.periodPreview', { period: periodLabel(period), range: format.dateRange(period.periodStart, period.periodEnd) })}
          />
        )}
        <NumberField label={t('conferences.participantsCount')} name="participantsCount" min={0} max={PARTICIPANTS_MAX} input={{ style: { width: 200 } }} />
        <Form.Item label={t('conferences.participants')} name="participants" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('conferences.notes')} name="notes" rules={[{ max: 20000 }]}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
