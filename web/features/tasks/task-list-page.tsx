/**
 * A unit's tasks (`/tasks?unitId=…&documentId=…&status=open&due=overdue`): the leaves owned by the
 * unit or by units under it, nearest deadline first, overdue rows highlighted; cards on a phone.
 * Without a unit in the URL the list is the reader's own unit's.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import Card from 'antd/es/card';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskStatus } from '../../../common/tasks';
import type { DueFilter } from '../../../common/work-queue';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeading } from '../../ui/page-heading';
import { PhoneFilters } from '../../ui/phone-filters';
import { useMe } from '../auth/auth.api';
import type { PolicyDocumentDetail } from '../policy-documents/policy-documents.api';
import { UnitPicker } from '../units/unit-picker';
import { unitKeys, type UnitDetail } from '../units/units.api';
import { taskListQuery, type TaskSearch, TASKS_PAGE_SIZE, validateTaskSearch } from './task-search';
import { TaskTable } from './task-table';
import { useTasks } from './tasks.api';

export function TaskListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as TaskSearch;
  const unitId = search.unitId ?? me?.grants[0]?.unitId;
  const tasks = useTasks(taskListQuery({ ...search, unitId }), !!unitId);
  // After a reload or a shared link the filters know only ids: show the names.
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => api.get<UnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const document = useQuery({ queryKey: ['policy-documents', 'detail', search.documentId ?? ''], queryFn: () => api.get<PolicyDocumentDetail>(`/api/policy-documents/${search.documentId}`), enabled: !!search.documentId });
  const update = (patch: Partial<TaskSearch>) => void navigate({ to: '/tasks', search: validateTaskSearch({ ...search, page: undefined, ...patch }) });
  const statusName = (s: TaskStatus) => (s === 'done' ? t('tasks.status.done') : t('tasks.status.open'));
  const ids = { unit: useId(), status: useId() };
  const active = [search.unitId, search.documentId, search.status, search.due].filter(Boolean).length;

  return (
    <>
      <PageHeading title={t('tasks.list.title')} />
      <PhoneFilters active={active}>
        <Card size="small" style={{ marginBottom: 16 }} className="screen-only">
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 260px', maxWidth: 420 }}>
              <label htmlFor={ids.unit} style={{ display: 'block', marginBottom: 4 }}>
                {t('tasks.list.unit')}
              </label>
              <UnitPicker id={ids.unit} value={unitId} allowClear={false} initialLabel={unit.data?.unit.name} onChange={(next) => update({ unitId: next })} />
            </div>
            <div style={{ flex: '0 1 180px' }}>
              <label htmlFor={ids.status} style={{ display: 'block', marginBottom: 4 }}>
                {t('tasks.fields.status')}
              </label>
              <Select<TaskStatus>
                id={ids.status}
                allowClear
                style={{ width: '100%' }}
                placeholder={t('tasks.list.any')}
                value={search.status}
                onChange={(status) => update({ status })}
                options={TASK_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
              />
            </div>
            <Radio.Group
              optionType="button"
              value={search.due ?? 'all'}
              onChange={(e) => update({ due: e.target.value === 'all' ? undefined : (e.target.value as DueFilter) })}
              options={[
                { value: 'all', label: t('tasks.list.anyDeadline') },
                { value: 'due_soon', label: t('tasks.list.dueSoon') },
                { value: 'overdue', label: t('tasks.list.overdue') },
              ]}
              aria-label={t('tasks.fields.deadline')}
              data-testid="task-due-filter"
            />
          </div>
          {search.documentId && (
            <div style={{ marginTop: 12 }}>
              <Tag closable onClose={() => update({ documentId: undefined })} data-testid="task-document-filter">
                {t('tasks.list.ofDocument')}: <bdi dir="ltr">{document.data?.numberAndSymbol ?? search.documentId}</bdi>
              </Tag>
            </div>
          )}
        </Card>
      </PhoneFilters>
      <ErrorAlert error={tasks.error} />
      <TaskTable
        testId="tasks-table"
        showAssigning
        loading={tasks.isFetching}
        tasks={tasks.data?.items ?? []}
        pagination={{
          current: search.page ?? 1,
          pageSize: TASKS_PAGE_SIZE,
          total: tasks.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('tasks.list.total', { count: total }),
          onChange: (page) => void navigate({ to: '/tasks', search: validateTaskSearch({ ...search, page }) }),
        }}
      />
    </>
  );
}
