import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { Mood } from '../../../common/situation';

export const MOOD_COLORS: Record<Mood, string> = { stable: 'green', concerned: 'gold', tense: 'red' };

/** A mood in words, coloured calm to tense. */
export function MoodTag({ mood }: { mood: Mood }) {
  const { t } = useTranslation();
  return (
    <Tag color={MOOD_COLORS[mood]} data-testid={`mood-${mood}`}>
      {t(`situation.moods.${mood}`)}
    </Tag>
  );
}
