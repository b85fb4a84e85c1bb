import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Table from 'antd/es/table';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { RecordDiff } from '../../ui/record-diff';
import { useAuditActionName, useRecordTypeName } from '../../ui/use-audit-action-name';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { type AuditFilter, type AuditRecord, useAudit } from './audit.api';
import { AuditFilters } from './audit-filters';

export function AuditPage() {
  return useCan('audit.read') ? <AuditLog /> : <ForbiddenResult />;
}

function AuditLog() {
  const { t } = useTranslation();
  const format = useFormat();
  const actionName = useAuditActionName();
  const recordTypeName = useRecordTypeName();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(filter);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <AuditFilters onApply={setFilter} />
      </Card>
      <ErrorAlert error={audit.error} />
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('common.noResults') }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(r.at)}</span> },
          { key: 'actor', title: t('audit.user'), render: (_, r) => (r.actorId ? <Link to="/users/$userId" params={{ userId: r.actorId }}>{r.actorName}</Link> : t('audit.system')) },
          { key: 'unit', title: t('audit.unit'), render: (_, r) => (r.unitId ? <Link to="/units/$unitId" params={{ unitId: r.unitId }}>{r.unitName ?? r.unitId}</Link> : '') },
          { key: 'action', title: t('audit.action'), render: (_, r) => actionName(r.action) },
          { key: 'record', title: t('audit.record'), render: (_, r) => `${recordTypeName(r.recordType)}${r.recordId ? ` #${r.recordId}` : ''}` },
          { key: 'changes', title: t('audit.changes'), render: (_, r) => <RecordDiff before={r.before} after={r.after} /> },
          { key: 'ip', title: t('audit.ip'), render: (_, r) => r.ip ?? '' },
        ]}
      />
      {audit.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
