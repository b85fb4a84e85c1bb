import { Link } from '@tanstack/react-router';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';
import { MoodTag } from './mood-tag';

/**
 * The dashboard's card "Tình hình nhân dân": the report's situation block — reports received, units
 * reporting each mood, and the topics rising against the previous range — with a link to the
 * quarter's summary.
 */
export function SituationCard({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const s = report.situation;
  if (!s) return null;
  return (
    <div data-testid="situation-card">
      <Typography.Paragraph>
        {t('situation.summary.received', { reports: format.number(s.reportsReceived), units: format.number(s.unitsReporting) })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        <MoodTag mood="stable" /> {format.number(s.moods.stable)} <MoodTag mood="concerned" /> {format.number(s.moods.concerned)} <MoodTag mood="tense" /> {format.number(s.moods.tense)}
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="situation-card-rising">
        {s.rising.length ? (
          <>
            {t('situation.card.rising')}{' '}
            {s.rising.map((r) => (
              <Tag key={r.topic} color="red">
                {r.names[i18n.language] ?? r.names.vi ?? r.topic}
              </Tag>
            ))}
          </>
        ) : (
          t('situation.card.noRising')
        )}
      </Typography.Paragraph>
      <Link to="/situation-summary" search={{ unitId: report.unit.id }}>
        {t('situation.summary.title')}
      </Link>
    </div>
  );
}
