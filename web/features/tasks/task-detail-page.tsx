/**
 * One task: the tasks above it (breadcrumb), its particulars, the tasks it was given on to, its
 * progress reports with evidence. Which buttons show comes from the server's `can`; every write
 * sends the version the page was opened on, and a CONFLICT offers a reload.
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Breadcrumb from 'antd/es/breadcrumb';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Popconfirm from 'antd/es/popconfirm';
import Space from 'antd/es/space';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../common/tasks';
import { EmptyValue } from '../../ui/empty-value';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { TaskEditModal } from './task-edit-modal';
import { TaskError } from './task-error';
import { TaskProgressReports } from './task-progress-reports';
import { TaskSplitModal } from './task-split-modal';
import { TaskStatusTag } from './task-status';
import { TaskTable } from './task-table';
import { type TaskDetail, useDeleteTask, useMarkTaskDone, useReopenTask, useTask } from './tasks.api';

export function TaskDetailPage() {
  const { taskId } = useParams({ strict: false }) as { taskId: string };
  const task = useTask(taskId);
  if (task.isPending) return <PageSpinner />;
  if (task.isError) return <ErrorAlert error={task.error} />;
  return <TaskView key={task.data.id} task={task.data} onReload={() => void task.refetch()} />;
}

type Dialog = 'edit' | 'split' | 'done' | 'reopen' | null;

function TaskView({ task, onReload }: { task: TaskDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { message } = AntdApp.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useDeleteTask(task.id);
  const close = () => setDialog(null);
  const reload = () => {
    remove.reset();
    onReload();
  };
  // After a conflict the dialog's fields are the old version's: close it with the reload.
  const closeAndReload = () => {
    close();
    onReload();
  };

  return (
    <Card>
      <nav aria-label={t('tasks.breadcrumbLabel')} style={{ marginBottom: 12 }} data-testid="task-breadcrumb">
        <Breadcrumb
          items={[
            {
              key: 'plan',
              title: (
                <Link to="/implementation-plans/$planId" params={{ planId: task.planId }}>
                  <bdi dir="ltr">{task.document.numberAndSymbol}</bdi>
                </Link>
              ),
            },
            ...task.ancestors.map((a) => ({
              key: a.id,
              title: (
                <Link to="/tasks/$taskId" params={{ taskId: a.id }} title={a.content}>
                  <bdi>{a.ownerUnit.name}</bdi>
                </Link>
              ),
            })),
            { key: task.id, title: <bdi>{task.ownerUnit.name}</bdi> },
          ]}
        />
      </nav>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="task-content">
            <bdi>{task.content}</bdi>
          </Typography.Title>
          <div style={{ marginTop: 8 }}>
            <TaskStatusTag task={task} />
          </div>
        </div>
        <Space wrap className="screen-only">
          {task.can.done && task.status === 'open' && (
            <Button type="primary" onClick={() => setDialog('done')} data-testid="task-done">
              {t('tasks.actions.done')}
            </Button>
          )}
          {task.can.split && task.status === 'open' && (
            <Button onClick={() => setDialog('split')} data-testid="task-split">
              {t('tasks.actions.split')}
            </Button>
          )}
          {task.can.edit && (
            <Button onClick={() => setDialog('edit')} data-testid="task-edit">
              {t('tasks.actions.edit')}
            </Button>
          )}
          {task.can.reopen && task.status === 'done' && (
            <Button onClick={() => setDialog('reopen')} data-testid="task-reopen">
              {t('tasks.actions.reopen')}
            </Button>
          )}
          {task.can.delete && (
            <Popconfirm
              title={t('tasks.actions.deleteConfirm')}
              okText={t('tasks.actions.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutate(task.version, {
                  onSuccess: () => {
                    void message.success(t('tasks.actions.deleted'));
                    void navigate({ to: '/implementation-plans/$planId', params: { planId: task.planId } });
                  },
                })
              }
            >
              <Button danger loading={remove.isPending} data-testid="task-delete">
                {t('tasks.actions.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <TaskError error={remove.error} onReload={reload} />
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: '30%', minWidth: 120 } }}
        data-testid="task-fields"
        items={[
          {
            key: 'document',
            label: t('tasks.fields.document'),
            children: (
              <Link to="/policy-documents/$documentId" params={{ documentId: task.document.id }}>
                <bdi dir="ltr">{task.document.numberAndSymbol}</bdi> <bdi>{task.document.title}</bdi>
              </Link>
            ),
          },
          { key: 'owner', label: t('tasks.fields.owner'), children: <bdi>{task.ownerUnit.name}</bdi> },
          { key: 'assigning', label: t('tasks.fields.assigningUnit'), children: <bdi>{task.assigningUnit.name}</bdi> },
          { key: 'expectedOutput', label: t('tasks.fields.expectedOutput'), children: <bdi>{task.expectedOutput}</bdi> },
          { key: 'period', label: t('tasks.fields.period'), children: format.dateRange(task.startsOn, task.deadline) },
          ...(task.parentDeadline ? [{ key: 'parentDeadline', label: t('tasks.fields.parentDeadline'), children: format.date(task.parentDeadline) }] : []),
          ...(task.status === 'done' ? [{ key: 'doneAt', label: t('tasks.fields.doneAt'), children: format.dateTime(task.doneAt) }] : []),
          { key: 'note', label: t('tasks.fields.note'), children: task.note ? <div dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{task.note}</div> : <EmptyValue /> },
        ]}
      />
      {task.children.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 24 }}>
            {t('tasks.children', { count: task.children.length })}
          </Typography.Title>
          <TaskTable tasks={task.children} testId="task-children" />
        </>
      )}
      <TaskProgressReports task={task} />
      {dialog === 'edit' && <TaskEditModal task={task} onClose={close} onReload={closeAndReload} />}
      {dialog === 'split' && <TaskSplitModal task={task} onClose={close} onReload={closeAndReload} />}
      {dialog === 'done' && <DoneModal task={task} onClose={close} onReload={closeAndReload} />}
      {dialog === 'reopen' && <ReopenModal task={task} onClose={close} onReload={closeAndReload} />}
    </Card>
  );
}

type ModalProps = { task: TaskDetail; onClose: () => void; onReload: () => void };

/** Marks the task done, with an optional closing note; a container with open children is refused (INVALID_TRANSITION). */
function DoneModal({ task, onClose, onReload }: ModalProps) {
  const { t } = useTranslation();
  const done = useMarkTaskDone(task.id);
  const [note, setNote] = useState('');
  return (
    <Modal
      open
      title={t('tasks.actions.doneTitle')}
      onCancel={onClose}
      okText={t('tasks.actions.done')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: done.isPending, 'data-testid': 'task-done-confirm' }}
      onOk={() => done.mutate({ version: task.version, ...(note.trim() ? { note } : {}) }, { onSuccess: onClose })}
    >
      <TaskError
        error={done.error}
        onReload={() => {
          done.reset();
          onReload();
        }}
      />
      <label htmlFor="task-done-note" style={{ display: 'block', marginBottom: 4 }}>
        {t('tasks.fields.note')}
      </label>
      <Input.TextArea id="task-done-note" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TASK_LIMITS.note} />
    </Modal>
  );
}

/** The assigning unit reopens a done task, saying why. */
function ReopenModal({ task, onClose, onReload }: ModalProps) {
  const { t } = useTranslation();
  const reopen = useReopenTask(task.id);
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('tasks.actions.reopenTitle')}
      onCancel={onClose}
      okText={t('tasks.actions.reopen')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: reopen.isPending, disabled: !reason.trim() }}
      onOk={() => reopen.mutate({ version: task.version, reason }, { onSuccess: onClose })}
    >
      <TaskError
        error={reopen.error}
        onReload={() => {
          reopen.reset();
          onReload();
        }}
      />
      <label htmlFor="task-reopen-reason" style={{ display: 'block', marginBottom: 4 }}>
        {t('tasks.actions.reopenReason')}
      </label>
      <Input.TextArea id="task-reopen-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TASK_LIMITS.reopenReason} />
    </Modal>
  );
}
