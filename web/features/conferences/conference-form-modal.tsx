import { useNavigate } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import DatePicker from 'antd/es/date-picker';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { currentLocale, DATE_INPUT_FORMATS } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { usePeriods } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { type PeriodInput, type PeriodKind, type ReviewConference, useCreateConference, useUpdateConference } from './conferences.api';

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

type Props = { conference?: ReviewConference; onClose: () => void; onReload?: () => void };

/**
 * Records a conference, or changes one (`conference` given): only the changed fields are sent,
 * with the version the form was opened on. When someone else saved meanwhile the server answers
 * CONFLICT and the form offers to reload the conference instead of overwriting their change.
 */
export function ConferenceFormModal({ conference, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateConference();
  const update = useUpdateConference();
  const periods = usePeriods();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const kind = Form.useWatch('periodKind', form);
  const dateFormat = DATE_INPUT_FORMATS[currentLocale()];
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
      create.mutate({ unitId: v.unitId, ...fields }, { onSuccess: (c) => void navigate({ to: '/conferences/$conferenceId', params: { conferenceId: c.id } }) });
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
    update.mutate({ id: conference.id, version: conference.version, ...changes }, { onSuccess: onClose, onError: (error) => setConflict(isApiError(error, 'CONFLICT')) });
  };

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
        initialValues={conference ? valuesOf(conference) : { periodKind: 'quarter', year: new Date().getFullYear(), quarter: 1 }}
      >
        {!conference && (
          <Form.Item label={t('conferences.unit')} name="unitId" rules={[{ required: true, message: t('conferences.unitRequired') }]}>
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item label={t('conferences.conferenceTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('conferences.titleRequired') }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t('conferences.heldOn')} name="heldOn" rules={[{ required: true, message: t('conferences.heldOnRequired') }]}>
          <DatePicker format={dateFormat} />
        </Form.Item>
        <Form.Item label={t('conferences.periodKind')} name="periodKind">
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
          <Form.Item label={t('conferences.year')} name="year" rules={[{ required: true, message: t('conferences.yearRequired') }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        )}
        {kind === 'quarter' && (
          <Form.Item label={t('conferences.quarter')} name="quarter" rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: String(q) }))} />
          </Form.Item>
        )}
        {kind === 'emulation_period' && (
          <Form.Item label={t('conferences.emulationPeriod')} name="emulationPeriodId" rules={[{ required: true, message: t('conferences.emulationPeriodRequired') }]}>
            <Select options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        {kind === 'custom' && (
          <Form.Item label={t('conferences.period')} name="range" rules={[{ required: true, message: t('conferences.rangeRequired') }]}>
            <DatePicker.RangePicker format={dateFormat} />
          </Form.Item>
        )}
        <Form.Item label={t('conferences.participantsCount')} name="participantsCount" rules={[{ type: 'number', min: 0, message: t('entries.notNegative') }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
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
