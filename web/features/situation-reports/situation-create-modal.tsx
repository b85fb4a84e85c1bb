/**
 * "Báo cáo nhanh tình hình": an ad hoc report of a unit on a day (today by default, never a day to
 * come), drafted at once; its items are written on the report's page.
 */
import { useNavigate } from '@tanstack/react-router';
import type { ButtonProps } from 'antd/es/button';
import Modal from 'antd/es/modal';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/date-field';
import { ErrorAlert } from '../../ui/error-alert';
import { UnitPicker } from '../units/unit-picker';
import { useCreateSituationReport } from './situation.api';

export function SituationCreateModal({ unit, onClose }: { unit?: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSituationReport();
  const [unitId, setUnitId] = useState<string | undefined>(unit?.id);
  const [day, setDay] = useState<Dayjs | null>(dayjs());
  const ids = { unit: useId(), day: useId() };
  const ok = () =>
    create.mutate(
      { unitId: unitId!, reportedOn: day!.format('YYYY-MM-DD') },
      { onSuccess: (r) => void navigate({ to: '/situation-reports/$reportId', params: { reportId: r.id } }) },
    );
  return (
    <Modal open title={t('situation.createTitle')} onCancel={onClose} onOk={ok} okText={t('situation.create')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !unitId || !day, loading: create.isPending, 'data-testid': 'situation-create-ok' } as ButtonProps}>
      <ErrorAlert error={create.error} />
      <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
        {t('situation.fields.unit')}
      </label>
      <UnitPicker id={ids.unit} value={unitId} initialLabel={unit?.name} onChange={(id) => setUnitId(id ?? undefined)} />
      <label htmlFor={ids.day} style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('situation.fields.reportedOn')}
      </label>
      <DateField id={ids.day} style={{ width: '100%' }} value={day} onChange={setDay} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('situation.form.help')}
      </Typography.Paragraph>
    </Modal>
  );
}
