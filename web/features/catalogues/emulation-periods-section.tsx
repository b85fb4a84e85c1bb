import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { NumberField } from '../../ui/number-field';
import { type EmulationPeriod, usePeriods } from '../entries/entries.api';
import { useCreatePeriod } from './catalogues.api';
import { useServerErrors } from './use-server-errors';

/** Emulation periods (giai đoạn thi đua, e.g. 2021–2025); system administrators add more. */
export function EmulationPeriodsSection({ canAdd }: { canAdd: boolean }) {
  const { t } = useTranslation();
  const periods = usePeriods();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogues.periods')}</h2>}
      extra={
        canAdd && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('catalogues.addPeriod')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={periods.error} />
      <Table<EmulationPeriod>
        rowKey="id"
        size="small"
        loading={periods.isFetching}
        dataSource={periods.data?.items ?? []}
        pagination={false}
        columns={[
          { key: 'name', title: t('catalogues.name'), render: (_, p) => p.name },
          { key: 'years', title: t('catalogues.years'), render: (_, p) => `${p.startYear}–${p.endYear}` },
        ]}
      />
      {adding && <AddPeriodModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

type Values = { name: string; startYear: number; endYear: number };

/** Years of an emulation period (the server's range), typed ungrouped. */
const YEAR = { min: 1990, max: 2100, grouping: false, input: { style: { width: 120 } } } as const;

function AddPeriodModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const create = useCreatePeriod();
  const showErrors = useServerErrors();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    create.mutate(
      { name: v.name.trim(), startYear: v.startYear, endYear: v.endYear },
      {
        onSuccess: () => {
          void message.success(t('catalogues.periodAdded'));
          onClose();
        },
        onError: (error) => showErrors(form, error, 'startYear', { endYear: t('catalogues.endBeforeStart') }),
      },
    );
  return (
    <Modal
      open
      title={t('catalogues.addPeriod')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'emulation-period', loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} id="emulation-period" name="emulation-period" layout="vertical" onFinish={submit}>
        <Form.Item label={t('catalogues.periodName')} name="name" rules={[{ required: true, whitespace: true, message: t('catalogues.periodNameRequired') }, { max: 100 }]}>
          <Input maxLength={100} placeholder="2026–2030" />
        </Form.Item>
        <Space align="start" wrap>
          <NumberField label={t('catalogues.startYear')} name="startYear" rules={[{ required: true, message: t('catalogues.yearRequired') }]} {...YEAR} />
          <NumberField
            label={t('catalogues.endYear')}
            name="endYear"
            dependencies={['startYear']}
            rules={[
              { required: true, message: t('catalogues.yearRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: unknown) => {
                  const start: unknown = getFieldValue('startYear');
                  if (typeof value === 'number' && typeof start === 'number' && value < start) throw new Error(t('catalogues.endBeforeStart'));
                },
              }),
            ]}
            {...YEAR}
          />
        </Space>
      </Form>
    </Modal>
  );
}
