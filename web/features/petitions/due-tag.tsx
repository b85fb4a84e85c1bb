import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { DueState } from '../../../common/petitions';

const COLORS: Record<DueState, string> = { overdue: 'red', due_soon: 'orange', on_track: 'blue', closed_on_time: 'green', closed_late: 'volcano' };

/** Where a petition stands against its time limit, in colour and words. */
export function DueTag({ state, escalated }: { state: DueState; escalated?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={COLORS[state]}>{t(`petitions.due.${state}`)}</Tag>
      {escalated && <Tag color="magenta">{t('petitions.escalated')}</Tag>}
    </>
  );
}
