/**
 * "Giao nhiệm vụ": one task per owner unit, all or nothing. The owners are units picked below the
 * plan's unit (or the unit itself), or every commune of it in force; the deadline lies within the
 * plan's dates and not before today in Viet Nam, as the server checks.
 */
import { useQuery } from '@tanstack/react-query';
import AntdApp from 'antd/es/app';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../common/tasks';
import { todayInVietnam } from '../../../common/units';
import { DateField } from '../../ui/date-field';
import { notBeforeToday } from '../../ui/deadline-rule';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { allChildrenQuery } from '../units/units.api';
import { type ImplementationPlanDetail, useCreateTasks } from './tasks.api';
import { UnitsBelowPicker } from './units-below-picker';

type Values = { content?: string; expectedOutput?: string; startsOn?: Dayjs; deadline?: Dayjs; ownerUnitIds?: string[] };
type OwnerMode = 'pick' | 'communes';

export function AssignTasksModal({ plan, onClose }: { plan: ImplementationPlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Values>();
  const formId = useId();
  const create = useCreateTasks(plan.id);
  const [mode, setMode] = useState<OwnerMode>('pick');
  const communes = useQuery({ ...allChildrenQuery(plan.unit.id, { includeRetired: false, kind: 'commune' }), enabled: mode === 'communes' });
  const today = todayInVietnam();
  const outsidePlan = (day: Dayjs) => day.isBefore(dayjs(plan.startsOn), 'day') || day.isAfter(dayjs(plan.endsOn), 'day');

  const submit = (values: Values) => {
    const ownerUnitIds = mode === 'communes' ? (communes.data ?? []).map((u) => u.id) : (values.ownerUnitIds ?? []);
    if (!values.content || !values.expectedOutput || !values.startsOn || !values.deadline || ownerUnitIds.length === 0) return;
    create.mutate(
      { content: values.content, expectedOutput: values.expectedOutput, startsOn: values.startsOn.format('YYYY-MM-DD'), deadline: values.deadline.format('YYYY-MM-DD'), ownerUnitIds },
      {
        onSuccess: (result) => {
          void message.success(t('tasks.assign.done', { count: result.total }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={t('tasks.assign.title')}
      onCancel={onClose}
      okText={t('tasks.assign.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: create.isPending, disabled: mode === 'communes' && !communes.data?.length }}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<Values> id={formId} name="assign" form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ startsOn: dayjs(plan.startsOn > today ? plan.startsOn : today) }}>
        <Form.Item name="content" label={t('tasks.fields.content')} rules={[{ required: true, whitespace: true, message: t('tasks.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={TASK_LIMITS.content} showCount />
        </Form.Item>
        <Form.Item name="expectedOutput" label={t('tasks.fields.expectedOutput')} extra={t('tasks.expectedOutputHelp')} rules={[{ required: true, whitespace: true, message: t('tasks.expectedOutputRequired') }]}>
          <Input maxLength={TASK_LIMITS.expectedOutput} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="startsOn" label={t('tasks.fields.startsOn')} rules={[{ required: true, message: t('tasks.dateRequired') }]} style={{ flex: '1 1 160px' }}>
            <DateField style={{ width: '100%' }} disabledDate={outsidePlan} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('tasks.fields.deadline')}
            extra={t('tasks.assign.deadlineHelp', { from: format.date(plan.startsOn), to: format.date(plan.endsOn) })}
            dependencies={['startsOn']}
            style={{ flex: '1 1 160px' }}
            rules={[
              { required: true, message: t('tasks.dateRequired') },
              notBeforeToday((today) => t('tasks.deadlinePast', { today: format.date(today) })),
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  if (value && start && value.isBefore(start, 'day')) throw new Error(t('tasks.deadlineBeforeStart'));
                },
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} disabledDate={outsidePlan} />
          </Form.Item>
        </div>
        <Form.Item label={t('tasks.assign.owners')} required>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as OwnerMode)}
            options={[
              { value: 'pick', label: t('tasks.assign.pickOwners') },
              { value: 'communes', label: t('tasks.assign.allCommunes', { unit: plan.unit.name }) },
            ]}
            style={{ marginBottom: 8 }}
            data-testid="assign-owner-mode"
          />
          {mode === 'pick' ? (
            <Form.Item name="ownerUnitIds" noStyle rules={[{ required: true, type: 'array', min: 1, message: t('tasks.assign.ownersRequired') }]}>
              <UnitsBelowPicker underUnitId={plan.unit.id} self={{ value: plan.unit.id, label: plan.unit.name }} />
            </Form.Item>
          ) : (
            <Typography.Text type={communes.data?.length === 0 ? 'danger' : undefined} data-testid="assign-commune-count">
              {communes.isPending ? t('common.loading') : t('tasks.assign.communeCount', { count: communes.data?.length ?? 0 })}
            </Typography.Text>
          )}
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('tasks.assign.allOrNothing')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
