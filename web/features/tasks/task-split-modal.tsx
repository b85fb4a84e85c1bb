/**
 * Gives a task on to units below its owner (phân giao tiếp). The server takes the full list of
 * children: those kept are sent with their id, new ones without; one dropped here is deleted,
 * which the server refuses (TASK_WOULD_BE_LOST) when it has progress reports or children of its
 * own. A child's deadline may not pass this task's, so later days cannot be picked.
 */
import Checkbox from 'antd/es/checkbox';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Typography from 'antd/es/typography';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../common/tasks';
import { todayInVietnam } from '../../../common/units';
import { DateField } from '../../ui/date-field';
import { useFormat } from '../../ui/use-format';
import { TaskError } from './task-error';
import { type SplitChild, type TaskDetail, useSplitTask } from './tasks.api';
import { UnitsBelowPicker } from './units-below-picker';

type Values = { ownerUnitIds?: string[]; content?: string; deadline?: Dayjs };

export function TaskSplitModal({ task, onClose, onReload }: { task: TaskDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const formId = useId();
  const split = useSplitTask(task.id);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const today = todayInVietnam();
  // Past days and days after this task's deadline are not offered.
  const outside = (day: Dayjs) => day.isAfter(dayjs(task.deadline), 'day') || day.isBefore(dayjs(today), 'day');

  const submit = (values: Values) => {
    const kept: SplitChild[] = task.children.filter((c) => !dropped.has(c.id)).map((c) => ({ id: c.id, ownerUnitId: c.ownerUnit.id }));
    const content = values.content?.trim();
    const added: SplitChild[] = (values.ownerUnitIds ?? []).map((ownerUnitId) => ({
      ownerUnitId,
      ...(content ? { content } : {}),
      ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}),
    }));
    split.mutate({ children: [...kept, ...added], version: task.version }, { onSuccess: onClose });
  };

  return (
    <Modal
      open
      width={640}
      title={t('tasks.split.title')}
      onCancel={onClose}
      okText={t('tasks.split.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: split.isPending }}
      destroyOnHidden
    >
      <TaskError error={split.error} onReload={() => { split.reset(); onReload(); }} />
      {task.children.length > 0 && (
        <>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('tasks.split.current')}
          </Typography.Paragraph>
          <ul className="plain-list" style={{ marginBottom: 16 }}>
            {task.children.map((c) => (
              <li key={c.id}>
                <Checkbox
                  checked={!dropped.has(c.id)}
                  onChange={(e) => {
                    const next = new Set(dropped);
                    if (e.target.checked) next.delete(c.id);
                    else next.add(c.id);
                    setDropped(next);
                  }}
                >
                  <bdi>{c.ownerUnit.name}</bdi> — {format.date(c.deadline)}
                </Checkbox>
              </li>
            ))}
          </ul>
          {dropped.size > 0 && <Typography.Paragraph type="warning">{t('tasks.split.dropWarning')}</Typography.Paragraph>}
        </>
      )}
      <Form<Values> id={formId} name="split" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="ownerUnitIds"
          label={t('tasks.split.newOwners', { unit: task.ownerUnit.name })}
          rules={task.children.length === 0 ? [{ required: true, type: 'array', min: 1, message: t('tasks.assign.ownersRequired') }] : []}
        >
          <UnitsBelowPicker underUnitId={task.ownerUnit.id} />
        </Form.Item>
        <Form.Item name="content" label={t('tasks.fields.content')} extra={t('tasks.split.contentHelp')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TASK_LIMITS.content} />
        </Form.Item>
        <Form.Item name="deadline" label={t('tasks.fields.deadline')} extra={t('tasks.split.deadlineHelp', { deadline: format.date(task.deadline) })}>
          <DateField style={{ width: '100%', maxWidth: 240 }} disabledDate={outside} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
