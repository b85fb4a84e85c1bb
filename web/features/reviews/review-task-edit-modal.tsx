import { DateField } from '../../ui/date-field';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { notBeforeToday } from '../../ui/deadline-rule';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { fieldErrorsOf } from '../entries/entries.api';
import { UnitPicker } from '../units/unit-picker';
import { ReviewConflictAlert } from './review-conflict-alert';
import { outsideDeadlineRange, taskDeadlineRange } from './review-task-deadline';
import { type Review, type ReviewTask, type UpdateTaskInput, useUpdateTask } from './reviews.api';

/** server/modules/reviews/reviews.schema.ts REVIEW_LIMITS.task. */
const TASK_MAX = 2000;

type Values = { content: string; ownerUnitId: string; deadline: Dayjs };
type Props = { review: Review; task: ReviewTask; onClose: () => void; onReload: () => void };

/**
 * Changes a key task's text, unit in charge and deadline (PATCH with only what changed and the
 * version the task had when the form opened). When someone else changed the task meanwhile the
 * server answers CONFLICT: the user reloads and edits the new version.
 */
export function ReviewTaskEditModal({ review, task, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const update = useUpdateTask();
  const [conflict, setConflict] = useState(false);
  const range = taskDeadlineRange(review);

  const submit = (v: Values) => {
    const changes: Omit<UpdateTaskInput, 'id' | 'version'> = {};
    const content = v.content.trim();
    const deadline = v.deadline.format('YYYY-MM-DD');
    if (content !== task.content) changes.content = content;
    if (v.ownerUnitId !== task.owner.id) changes.ownerUnitId = v.ownerUnitId;
    if (deadline !== task.deadline) changes.deadline = deadline;
    if (!Object.keys(changes).length) return onClose();
    update.mutate(
      { id: task.id, version: task.version, ...changes },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) setConflict(true);
          // The server's checks the form cannot make itself: a unit outside the review's subtree, a deadline out of range.
          const past = isApiError(error, 'DEADLINE_IN_PAST');
          const messages: Partial<Record<keyof Values, string>> = {
            ownerUnitId: t('reviews.ownerHelp'),
            deadline: past ? t('errors.DEADLINE_IN_PAST') : t('reviews.deadlineRange', { first: format.date(range.first), last: format.date(range.last) }),
          };
          const fields = fieldErrorsOf(error).filter((f): f is { name: keyof Values; code: string } => f.name in messages);
          if (fields.length) form.setFields(fields.map((f) => ({ name: f.name, errors: [messages[f.name]!] })));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('reviews.editTask')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      // Not a submit button: Enter in the date field confirms the date and must not save the form half-edited.
      onOk={() => form.submit()}
      okButtonProps={{ loading: update.isPending, disabled: conflict }}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {conflict ? (
        <ReviewConflictAlert
          title={t('reviews.taskConflictTitle')}
          onReload={() => {
            onClose();
            onReload();
          }}
        />
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <Form<Values>
        form={form}
        name="review-task-edit"
        layout="vertical"
        onFinish={submit}
        initialValues={{ content: task.content, ownerUnitId: task.owner.id, deadline: dayjs(task.deadline) }}
      >
        <Form.Item label={t('reviews.task')} name="content" rules={[{ required: true, whitespace: true, message: t('reviews.taskRequired') }, { max: TASK_MAX }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={TASK_MAX} />
        </Form.Item>
        <Form.Item label={t('reviews.owner')} name="ownerUnitId" extra={t('reviews.ownerHelp')} rules={[{ required: true, message: t('reviews.ownerRequired') }]}>
          <UnitPicker initialLabel={task.owner.name} allowClear={false} />
        </Form.Item>
        <Form.Item
          label={t('reviews.deadline')}
          name="deadline"
          // A task already overdue keeps its deadline through other edits; a new one is today or later.
          rules={[{ required: true, message: t('reviews.deadlineRequired') }, notBeforeToday((today) => t('reviews.deadlinePast', { today: format.date(today) }), task.deadline)]}
        >
          <DateField disabledDate={outsideDeadlineRange(range)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
