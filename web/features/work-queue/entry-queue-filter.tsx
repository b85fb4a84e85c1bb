import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { EntryQueue } from '../../../common/entries';

/** On the entries list opened from the work queue: which queue it shows, removable like any filter. */
export function EntryQueueFilter({ queue, onClear }: { queue: EntryQueue | undefined; onClear: () => void }) {
  const { t } = useTranslation();
  if (!queue) return null;
  return (
    <div style={{ marginBlockEnd: 12 }} data-testid="entry-queue-filter">
      <Tag color="red" closable onClose={onClear} closeIcon={<span aria-label={t('workQueue.clearQueue')}>×</span>} style={{ fontSize: 14, paddingBlock: 4, whiteSpace: 'normal' }}>
        {t(`workQueue.entryQueue.${queue}`)}
      </Tag>
    </div>
  );
}
