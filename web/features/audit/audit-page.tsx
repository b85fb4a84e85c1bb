import { Link } from '@tanstack/react-router';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Typography from 'antd/es/typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { ForbiddenResult } from '../../ui/forbidden-result';
import { PhoneFilters } from '../../ui/phone-filters';
import { ResponsiveTable } from '../../ui/responsive-table';
import { useAuditActionName, useRecordTypeName } from '../../ui/use-audit-action-name';
import { useFormat } from '../../ui/use-format';
import { useCan } from '../auth/use-can';
import { type AuditFilter, type AuditRecord, useAudit } from './audit.api';
import { AuditChanges, useAuditWords } from './audit-changes';
import { recordText } from './audit-words';
import { AuditFilters } from './audit-filters';

export function AuditPage() {
  return useCan('audit.read') ? <AuditLog /> : <ForbiddenResult />;
}

function AuditLog() {
  const { t } = useTranslation();
  const format = useFormat();
  const actionName = useAuditActionName();
  const recordTypeName = useRecordTypeName();
  const words = useAuditWords();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(filter);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      {/* On a phone the filters fold under one button and each record is a card. */}
      <PhoneFilters active={Object.entries(filter).filter(([k, v]) => k !== 'subtree' && v !== undefined && v !== '').length}>
        <Card style={{ marginBottom: 16 }}>
          <AuditFilters onApply={setFilter} />
        </Card>
      </PhoneFilters>
      <ErrorAlert error={audit.error} />
      <ResponsiveTable<AuditRecord>
        cardTitleKey="action"
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('common.noResults') }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(r.at)}</span> },
          {
            key: 'actor',
            title: t('audit.user'),
            // The person's name; the account name on hover (two officers may share a name).
            render: (_, r) =>
              r.actorId ? (
                <Link to="/users/$userId" params={{ userId: r.actorId }} title={r.actorUsername ? t('audit.account', { username: r.actorUsername }) : undefined}>
                  {r.actorName ?? r.actorUsername}
                </Link>
              ) : (
                t('audit.system')
              ),
          },
          { key: 'unit', title: t('audit.unit'), render: (_, r) => (r.unitId ? <Link to="/units/$unitId" params={{ unitId: r.unitId }}>{r.unitName ?? `#${r.unitId}`}</Link> : '') },
          { key: 'action', title: t('audit.action'), render: (_, r) => actionName(r.action) },
          { key: 'record', title: t('audit.record'), render: (_, r) => <RecordLink record={r} text={recordText(r, recordTypeName(r.recordType), words)} /> },
          { key: 'changes', title: t('audit.changes'), render: (_, r) => <AuditChanges record={r} words={words} /> },
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

/** The record named, linked to its page where it has one the reader can open. */
function RecordLink({ record: r, text }: { record: AuditRecord; text: string }) {
  if (!r.recordId || r.recordName === null) return <>{text}</>;
  const id = r.recordId;
  if (r.recordType === 'entry') return <Link to="/entries/$entryId" params={{ entryId: id }}>{text}</Link>;
  if (r.recordType === 'petition') return <Link to="/petitions/$petitionId" params={{ petitionId: id }}>{text}</Link>;
  if (r.recordType === 'unit') return <Link to="/units/$unitId" params={{ unitId: id }}>{text}</Link>;
  if (r.recordType === 'user') return <Link to="/users/$userId" params={{ userId: id }}>{text}</Link>;
  if (r.recordType === 'review') return <Link to="/reviews/$reviewId" params={{ reviewId: id }}>{text}</Link>;
  if (r.recordType === 'review_conference') return <Link to="/conferences/$conferenceId" params={{ conferenceId: id }}>{text}</Link>;
  return <>{text}</>;
}
