import { useNavigate } from '@tanstack/react-router';
import Alert from 'antd/es/alert';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTING_LIMITS } from '../../../common/reporting-rounds';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { useUnitKinds } from '../units/units.api';
import { kindName } from '../units/use-kind-name';
import { nextPeriod, useCreateRound, useReportingSchedules, useReportTemplates } from './reporting-rounds.api';
import { useSuggestedTitle } from './round-title';

type Values = {
  openingUnitId?: string;
  scheduleId?: string;
  title?: string;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
  dueOn?: Dayjs | null;
  templateId?: string;
  targetKinds?: string[];
};

const FIELDS = ['openingUnitId', 'scheduleId', 'title', 'periodFrom', 'periodTo', 'dueOn', 'templateId', 'targetKinds'] as const;

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

type Props = { unitId?: string; unitName?: string; onClose: () => void };

/**
 * "Mở đợt báo cáo": a unit asks the units of the chosen kinds under it (its communes) for a report
 * on a period by a due day, on one of its templates. A schedule fills the period, the due day
 * (shifted to a working day when the schedule says so), the template and the kinds; a calendar
 * period suggests the title ("Báo cáo quý III/2026"), which stays editable.
 */
export function RoundOpenModal({ unitId, unitName, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const openingUnitId = Form.useWatch('openingUnitId', form) ?? unitId;
  const templates = useReportTemplates(openingUnitId);
  const schedules = useReportingSchedules(openingUnitId);
  const kinds = useUnitKinds();
  const create = useCreateRound();
  const suggest = useSuggestedTitle();
  // The title the dialog last suggested: replaced by the next suggestion, never a title the user typed.
  const suggested = useRef<string | null>(null);
  const [scheduleError, setScheduleError] = useState<unknown>(null);

  const offerTitle = (title: string | null) => {
    const current = (form.getFieldValue('title') as string | undefined)?.trim() ?? '';
    if (!title || (current && current !== suggested.current)) return;
    suggested.current = title;
    form.setFieldValue('title', title);
  };

  const onPeriodChange = () => {
    const v = form.getFieldsValue(['periodFrom', 'periodTo']);
    if (v.periodFrom && v.periodTo) offerTitle(suggest(day(v.periodFrom), day(v.periodTo)));
  };

  const onScheduleChange = async (scheduleId: string | undefined) => {
    setScheduleError(null);
    const schedule = schedules.data?.items.find((s) => s.id === scheduleId);
    if (!schedule) return;
    form.setFieldsValue({ templateId: schedule.templateId, targetKinds: schedule.targetKinds });
    try {
      const next = await nextPeriod(schedule.id);
      form.setFieldsValue({ periodFrom: dayjs(next.periodFrom), periodTo: dayjs(next.periodTo), dueOn: dayjs(next.dueOn) });
      offerTitle(next.suggestedTitle);
    } catch (error) {
      setScheduleError(error);
    }
  };

  const submit = (v: Values) =>
    create.mutate(
      {
        openingUnitId: v.openingUnitId ?? '',
        templateId: v.templateId ?? '',
        title: v.title?.trim() ?? '',
        periodFrom: day(v.periodFrom),
        periodTo: day(v.periodTo),
        dueOn: day(v.dueOn),
        targetKinds: v.targetKinds ?? [],
        scheduleId: v.scheduleId ?? null,
      },
      {
        onSuccess: (round) => void navigate({ to: '/reporting-rounds/$roundId', params: { roundId: round.id } }),
        onError: (error) => {
          const fields = fieldErrorsOf(error).filter((f) => (FIELDS as readonly string[]).includes(f.name));
          if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [t('reportingRounds.fieldInvalid')] })));
        },
      },
    );

  const noTemplate = templates.isSuccess && templates.data.items.length === 0;

  return (
    <Modal
      open
      title={t('reportingRounds.open.title')}
      okText={t('reportingRounds.open.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'round-open', loading: create.isPending, disabled: noTemplate }}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <ErrorAlert error={create.error ?? scheduleError} />
      {noTemplate && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reportingRounds.open.noTemplate')} data-testid="no-template" />}
      <Form<Values>
        form={form}
        id="round-open"
        name="round-open"
        layout="vertical"
        onFinish={submit}
        initialValues={{ openingUnitId: unitId, targetKinds: ['commune'] }}
      >
        <Form.Item label={t('reportingRounds.fields.openingUnit')} name="openingUnitId" extra={t('reportingRounds.open.openingUnitHelp')} rules={[{ required: true, message: t('reportingRounds.open.openingUnitRequired') }]}>
          <UnitPicker initialLabel={unitName} allowClear={false} />
        </Form.Item>
        {(schedules.data?.items.length ?? 0) > 0 && (
          <Form.Item label={t('reportingRounds.fields.schedule')} name="scheduleId" extra={t('reportingRounds.open.scheduleHelp')}>
            <Select<string>
              allowClear
              placeholder={t('reportingRounds.open.noSchedule')}
              onChange={(id) => void onScheduleChange(id)}
              options={(schedules.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('reportingRounds.fields.periodFrom')} name="periodFrom" rules={[{ required: true, message: t('reportingRounds.open.periodRequired') }]} style={{ flex: '1 1 180px' }}>
            <DateField style={{ width: '100%' }} onChange={onPeriodChange} />
          </Form.Item>
          <Form.Item
            label={t('reportingRounds.fields.periodTo')}
            name="periodTo"
            dependencies={['periodFrom']}
            style={{ flex: '1 1 180px' }}
            rules={[
              { required: true, message: t('reportingRounds.open.periodRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('periodFrom') as Dayjs | null | undefined;
                  if (value && from && value.isBefore(from, 'day')) throw new Error(t('reportingRounds.open.periodToBeforeFrom'));
                },
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} onChange={onPeriodChange} />
          </Form.Item>
          <Form.Item
            label={t('reportingRounds.fields.dueOn')}
            name="dueOn"
            dependencies={['periodFrom']}
            style={{ flex: '1 1 180px' }}
            rules={[
              { required: true, message: t('reportingRounds.open.dueOnRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('periodFrom') as Dayjs | null | undefined;
                  if (value && from && value.isBefore(from, 'day')) throw new Error(t('reportingRounds.open.dueOnBeforePeriod'));
                },
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          label={t('reportingRounds.fields.title')}
          name="title"
          extra={t('reportingRounds.open.titleHelp')}
          rules={[{ required: true, whitespace: true, message: t('reportingRounds.open.titleRequired') }, { max: REPORTING_LIMITS.title }]}
        >
          <Input maxLength={REPORTING_LIMITS.title} />
        </Form.Item>
        <Form.Item label={t('reportingRounds.fields.template')} name="templateId" rules={[{ required: true, message: t('reportingRounds.open.templateRequired') }]}>
          <Select<string> loading={templates.isFetching} options={(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: `${tpl.name} (${tpl.unit.name})` }))} />
        </Form.Item>
        <Form.Item
          label={t('reportingRounds.fields.targetKinds')}
          name="targetKinds"
          extra={t('reportingRounds.open.targetKindsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('reportingRounds.open.targetKindsRequired') }]}
        >
          <Select<string[]>
            mode="multiple"
            loading={kinds.isFetching}
            options={(kinds.data?.items ?? []).filter((k) => k.code !== 'country').map((k) => ({ value: k.code, label: kindName(k, i18n.language, k.code) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
