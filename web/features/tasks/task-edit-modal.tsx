import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../common/tasks';
import { DateField } from '../../ui/date-field';
import { notBeforeToday } from '../../ui/deadline-rule';
import { useFormat } from '../../ui/use-format';
import { TaskError } from './task-error';
import { type TaskDetail, useUpdateTask } from './tasks.api';

type Values = { content: string; expectedOutput: string; deadline: Dayjs };

/**
 * The assigning unit's edit of a task: content, expected output, deadline (a child's never after
 * its parent's). Saved with the version the page was opened on.
 */
export function TaskEditModal({ task, onClose, onReload }: { task: TaskDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const formId = useId();
  const update = useUpdateTask(task.id);
  const afterParent = (day: Dayjs) => (task.parentDeadline ? day.isAfter(dayjs(task.parentDeadline), 'day') : false);

  const submit = (v: Values) => {
    const deadline = v.deadline.format('YYYY-MM-DD');
    update.mutate(
      {
        version: task.version,
        ...(v.content.trim() !== task.content ? { content: v.content } : {}),
        ...(v.expectedOutput.trim() !== task.expectedOutput ? { expectedOutput: v.expectedOutput } : {}),
        ...(deadline !== task.deadline ? { deadline } : {}),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal open title={t('tasks.edit.title')} onCancel={onClose} okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ htmlType: 'submit', form: formId, loading: update.isPending }} destroyOnHidden>
      <TaskError error={update.error} onReload={() => { update.reset(); onReload(); }} />
      <Form<Values>
        id={formId}
        name="task-edit"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ content: task.content, expectedOutput: task.expectedOutput, deadline: dayjs(task.deadline) }}
      >
        <Form.Item name="content" label={t('tasks.fields.content')} rules={[{ required: true, whitespace: true, message: t('tasks.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={TASK_LIMITS.content} />
        </Form.Item>
        <Form.Item name="expectedOutput" label={t('tasks.fields.expectedOutput')} rules={[{ required: true, whitespace: true, message: t('tasks.expectedOutputRequired') }]}>
          <Input maxLength={TASK_LIMITS.expectedOutput} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('tasks.fields.deadline')}
          extra={task.parentDeadline ? t('tasks.split.deadlineHelp', { deadline: format.date(task.parentDeadline) }) : undefined}
          rules={[{ required: true, message: t('tasks.dateRequired') }, notBeforeToday((today) => t('tasks.deadlinePast', { today: format.date(today) }), task.deadline)]}
        >
          <DateField style={{ width: '100%', maxWidth: 240 }} disabledDate={afterParent} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
