import { Link } from '@tanstack/react-router';
import Badge from 'antd/es/badge';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import { useMe } from '../auth/auth.api';
import { hasWorkQueue } from './landing';
import { useWorkQueue } from './work-queue.api';

/** The menu's "Việc cần làm", with the number of entries awaiting the person's approval beside it. */
export function WorkQueueMenuLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queue = useWorkQueue({ enabled: hasWorkQueue(me) });
  const awaiting = queue.data?.entries.awaitingMyApproval ?? 0;
  return (
    <Link to="/work-queue" style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
      <span>{t('nav.workQueue')}</span>
      {/* The number in the locale's digits (Arabic-Indic in Arabic), as every other figure; antd would print Western digits. */}
      {awaiting > 0 && (
        <Badge
          count={awaiting > 999 ? `${format.number(999)}+` : format.number(awaiting)}
          title={t('workQueue.menuBadge', { count: awaiting })}
          data-testid="work-queue-badge"
        />
      )}
    </Link>
  );
}
