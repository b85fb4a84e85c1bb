import Form from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/date-field';

/** The program's period (from, to), with the rule the server checks: the end comes after the start. */
export function PeriodFields() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      <Form.Item label={t('coordination.fields.periodFrom')} name="periodFrom" rules={[{ required: true, message: t('coordination.required') }]} style={{ flex: '1 1 180px' }}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('coordination.fields.periodTo')}
        name="periodTo"
        dependencies={['periodFrom']}
        style={{ flex: '1 1 180px' }}
        rules={[
          { required: true, message: t('coordination.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: Dayjs | null | undefined) => {
              const from = getFieldValue('periodFrom') as Dayjs | null | undefined;
              if (value && from && !value.isAfter(from, 'day')) throw new Error(t('coordination.periodToBeforeFrom'));
            },
          }),
        ]}
      >
        <DateField style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}
