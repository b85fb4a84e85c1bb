import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import { DateRangeField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, RECORD_TYPES } from '../../ui/audit-vocabulary';
import { useAuditActionName, useRecordTypeName } from '../../ui/use-audit-action-name';
import { UnitPicker } from '../units/unit-picker';
import { UserPicker } from '../users/user-picker';
import type { AuditFilter } from './audit.api';

type Values = {
  userId?: string;
  unitId?: string;
  subtree: boolean;
  recordType?: string;
  recordId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

/** The audit filters as a form; applying them starts the list again from the newest record. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const actionName = useAuditActionName();
  const recordTypeName = useRecordTypeName();
  const [form] = Form.useForm<Values>();

  const apply = (v: Values) => {
    const [from, to] = v.range ?? [];
    onApply({
      userId: v.userId,
      unitId: v.unitId,
      subtree: v.unitId ? v.subtree : undefined,
      recordType: v.recordType,
      recordId: v.recordId?.trim() || undefined,
      action: v.action,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.endOf('day').toISOString() : undefined,
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={apply} initialValues={{ subtree: true }} name="audit-filters">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 16 }}>
        <Form.Item label={t('audit.user')} name="userId">
          <UserPicker />
        </Form.Item>
        <Form.Item label={t('audit.unit')} name="unitId">
          <UnitPicker includeRetired />
        </Form.Item>
        <Form.Item label={t('audit.recordType')} name="recordType">
          <Select allowClear placeholder={t('audit.any')} options={RECORD_TYPES.map((r) => ({ value: r, label: recordTypeName(r) }))} />
        </Form.Item>
        <Form.Item label={t('audit.recordId')} name="recordId">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('audit.any')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionName(a) }))} />
        </Form.Item>
        <Form.Item label={t('audit.dateRange')} name="range">
          <DateRangeField style={{ width: '100%' }} allowEmpty={[true, true]} />
        </Form.Item>
      </div>
      <Space wrap>
        <Form.Item name="subtree" valuePropName="checked" noStyle>
          <Checkbox>{t('audit.subtree')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Space>
    </Form>
  );
}
