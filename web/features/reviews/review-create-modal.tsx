import { useNavigate } from '@tanstack/react-router';
import { DateRangeField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REPORT_PERIODS, type ReportPeriod } from '../../../common/reports';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberField } from '../../ui/number-field';
import { usePeriods } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { type CreateReviewInput, useCreateReview } from './reviews.api';

type Values = { unitId: string; period: ReportPeriod; year?: number; quarter?: number; periodId?: string; range?: [Dayjs, Dayjs]; title?: string };

function inputOf(v: Values): CreateReviewInput {
  const title = v.title?.trim() || undefined;
  switch (v.period) {
    case 'quarter':
      return { unitId: v.unitId, period: 'quarter', year: v.year, quarter: v.quarter, title };
    case 'year':
      return { unitId: v.unitId, period: 'year', year: v.year, title };
    case 'emulation_period':
      return { unitId: v.unitId, period: 'emulation_period', periodId: v.periodId, title };
    case 'custom':
      return { unitId: v.unitId, period: 'custom', from: v.range?.[0].format('YYYY-MM-DD'), to: v.range?.[1].format('YYYY-MM-DD'), title };
  }
}

/** A new review: the unit and the period; the server fills the results from the report engine and names it. */
export function ReviewCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateReview();
  const periods = usePeriods();
  const [form] = Form.useForm<Values>();
  const period = Form.useWatch('period', form);

  const submit = (v: Values) => create.mutate(inputOf(v), { onSuccess: (r) => void navigate({ to: '/reviews/$reviewId', params: { reviewId: r.id } }) });

  return (
    <Modal
      open
      title={t('reviews.createTitle')}
      okText={t('reviews.createSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'review-create', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="review-create" name="review-create" layout="vertical" onFinish={submit} initialValues={{ period: 'year', year: new Date().getFullYear(), quarter: 1 }}>
        <Form.Item label={t('reviews.unit')} name="unitId" extra={t('reviews.unitHelp')} rules={[{ required: true, message: t('reviews.unitRequired') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label={t('reviews.periodKind')} name="period">
          <Radio.Group options={REPORT_PERIODS.map((p) => ({ value: p, label: t(`reviews.periodKinds.${p}`) }))} />
        </Form.Item>
        {(period === 'quarter' || period === 'year') && (
          <NumberField label={t('reviews.year')} name="year" rules={[{ required: true, message: t('reviews.yearRequired') }]} min={1990} max={2100} grouping={false} input={{ style: { width: 120 } }} />
        )}
        {period === 'quarter' && (
          <Form.Item label={t('reviews.quarter')} name="quarter" rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: String(q) }))} />
          </Form.Item>
        )}
        {period === 'emulation_period' && (
          <Form.Item label={t('reviews.emulationPeriod')} name="periodId" rules={[{ required: true, message: t('reviews.emulationPeriodRequired') }]}>
            <Select options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        {period === 'custom' && (
          <Form.Item label={t('reviews.range')} name="range" rules={[{ required: true, message: t('reviews.rangeRequired') }]}>
            <DateRangeField />
          </Form.Item>
        )}
        <Form.Item label={t('reviews.reviewTitle')} name="title" extra={t('reviews.titleHelp')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
