import Timeline from 'antd/es/timeline';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageSpinner } from '../../ui/page-spinner';
import { useFormat } from '../../ui/use-format';
import { useAuditActionName } from '../../ui/use-audit-action-name';
import { AuditChanges, useAuditWords } from '../audit/audit-changes';
import { useUnitHistory } from './units.api';

/** What happened to a unit: each change with who made it and what it changed, in the reader's words (as the audit log). */
export function UnitHistoryList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actionName = useAuditActionName();
  const words = useAuditWords();
  const history = useUnitHistory(unitId);
  if (history.isPending) return <PageSpinner />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  if (history.data.events.length === 0) return <Typography.Paragraph type="secondary">{t('units.noHistory')}</Typography.Paragraph>;
  return (
    <Timeline
      items={history.data.events.map((event) => ({
        key: event.id,
        content: (
          <>
            <div>
              <Typography.Text strong>{actionName(event.action)}</Typography.Text> · {format.dateTime(event.at)}
              {' · '}
              {t('audit.by', { name: event.actorName ?? t('audit.system') })}
            </div>
            <AuditChanges record={{ recordType: 'unit', before: event.before, after: event.after, refs: event.refs }} words={words} />
          </>
        ),
      }))}
    />
  );
}
