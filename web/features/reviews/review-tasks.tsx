import Button from 'antd/es/button';
import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notBeforeToday } from '../../ui/deadline-rule';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { UnitPicker } from '../units/unit-picker';
import { outsideDeadlineRange, taskDeadlineRange } from './review-task-deadline';
import { ReviewTaskEditModal } from './review-task-edit-modal';
import { type ReviewDetail, type ReviewTask, useCreateTask, useDeleteTask, useTaskStatus } from './reviews.api';

type Values = { content: string; ownerUnitId: string; deadline: Dayjs };

/**
 * Key tasks for the next period: who is in charge, by when, done or not; overdue ones stand out.
 * While the review is a draft its tasks can be changed or removed; marking done stays open after.
 */
export function ReviewTasks({ review, canWrite, onReload }: { review: ReviewDetail; canWrite: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useTaskStatus();
  const remove = useDeleteTask();
  const draft = review.status === 'draft';
  // The task as it was when "edit" was clicked: its version is the one the change is made on.
  const [editing, setEditing] = useState<ReviewTask | null>(null);

  return (
    <>
      <ErrorAlert error={status.error ?? remove.error} />
      <Table<ReviewTask>
        data-testid="review-tasks"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={review.tasks}
        locale={{ emptyText: t('reviews.noTasks') }}
        scroll={{ x: true }}
        onRow={(task) => ({ 'data-overdue': task.overdue ? 'true' : undefined, style: task.overdue ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'content', title: t('reviews.task'), render: (_, task) => <span style={{ whiteSpace: 'pre-wrap' }}>{task.content}</span> },
          { key: 'owner', title: t('reviews.owner'), render: (_, task) => task.owner.name },
          {
            key: 'deadline',
            title: t('reviews.deadline'),
            render: (_, task) => (
              <Space size={4} wrap>
                {format.date(task.deadline)}
                {task.overdue && <Tag color="red">{t('reviews.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('reviews.status'),
            render: (_, task) =>
              task.status === 'done' ? (
                <Typography.Text type="success">
                  {t('reviews.doneBy', { name: task.doneBy?.name ?? '', date: format.dateTime(task.doneAt) })}
                </Typography.Text>
              ) : (
                t('reviews.taskOpen')
              ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, task: ReviewTask) => (
                    <Space size={0} wrap>
                      <Button type="link" loading={status.isPending && status.variables?.task.id === task.id} onClick={() => status.mutate({ task, to: task.status === 'open' ? 'done' : 'reopen' })}>
                        {task.status === 'open' ? t('reviews.markDone') : t('reviews.reopenTask')}
                      </Button>
                      {draft && <Button type="link" onClick={() => setEditing(task)}>{t('reviews.editTaskButton')}</Button>}
                      {draft && (
                        <Button type="link" danger onClick={() => remove.mutate(task)}>
                          {t('entries.remove')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && draft && <AddTaskForm review={review} />}
      {editing && <ReviewTaskEditModal review={review} task={editing} onClose={() => setEditing(null)} onReload={onReload} />}
    </>
  );
}

function AddTaskForm({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateTask();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    create.mutate({ reviewId: review.id, content: v.content.trim(), ownerUnitId: v.ownerUnitId, deadline: v.deadline.format('YYYY-MM-DD') }, { onSuccess: () => form.resetFields() });

  return (
    <div style={{ marginTop: 16 }}>
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} name="review-task" layout="vertical" onFinish={submit} initialValues={{ ownerUnitId: review.unit.id }}>
        <Form.Item label={t('reviews.task')} name="content" rules={[{ required: true, whitespace: true, message: t('reviews.taskRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('reviews.owner')} name="ownerUnitId" extra={t('reviews.ownerHelp')} rules={[{ required: true, message: t('reviews.ownerRequired') }]} style={{ minWidth: 'min(360px, calc(100vw - 64px))' }}>
            <UnitPicker initialLabel={review.unit.name} allowClear={false} />
          </Form.Item>
          <Form.Item
            label={t('reviews.deadline')}
            name="deadline"
            rules={[{ required: true, message: t('reviews.deadlineRequired') }, notBeforeToday((today) => t('reviews.deadlinePast', { today: format.date(today) }))]}
          >
            <DateField disabledDate={outsideDeadlineRange(taskDeadlineRange(review))} />
          </Form.Item>
        </Space>
        <Button htmlType="submit" loading={create.isPending}>
          {t('reviews.addTask')}
        </Button>
      </Form>
    </div>
  );
}
