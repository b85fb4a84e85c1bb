import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from './tasks.api';

/** Done, overdue (open past its deadline in Viet Nam, as the server computed it) or open. */
export function TaskStatusTag({ task }: { task: Pick<TaskSummary, 'status' | 'overdue' | 'childCount'> }) {
  const { t } = useTranslation();
  const state = task.status === 'done' ? 'done' : task.overdue ? 'overdue' : 'open';
  return (
    // Two tags side by side on a wide screen, one under the other in a phone's narrow card.
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}>
      <Tag color={state === 'done' ? 'green' : state === 'overdue' ? 'red' : 'blue'} data-testid="task-status" data-status={state}>
        {state === 'done' ? t('tasks.status.done') : state === 'overdue' ? t('tasks.status.overdue') : t('tasks.status.open')}
      </Tag>
      {task.childCount > 0 && <Tag>{t('tasks.container', { count: task.childCount })}</Tag>}
    </span>
  );
}
