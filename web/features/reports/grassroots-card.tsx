import { Link } from '@tanstack/react-router';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';

/**
 * The dashboard's card "Thực hiện dân chủ ở cơ sở": the report's grassroots block — communes that
 * held a dialogue conference in the range, of those in force, and those without, with a link to
 * the list; the publications' and supervision's lines once their figures are filled (null: not shown).
 */
export function GrassrootsCard({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const g = report.grassroots;
  if (!g) return null;
  const n = (v: number | null) => format.number(v ?? 0);
  return (
    <div data-testid="grassroots-card">
      <Typography.Paragraph>{t('dialogue.card.dialogue', { held: n(g.dialogue.held), communes: n(g.dialogue.communes), without: n(g.dialogue.without), conferences: n(g.dialogue.conferences) })}</Typography.Paragraph>
      {g.dialogue.resultsLate > 0 && <Typography.Paragraph type="warning">{t('dialogue.card.resultsLate', { n: n(g.dialogue.resultsLate) })}</Typography.Paragraph>}
      {g.publications?.published != null && <Typography.Paragraph>{t('dialogue.card.publications', { published: n(g.publications.published), overdue: n(g.publications.overdue) })}</Typography.Paragraph>}
      {g.supervision?.recommendations != null && <Typography.Paragraph>{t('dialogue.card.supervision', { recommendations: n(g.supervision.recommendations), answered: n(g.supervision.answered) })}</Typography.Paragraph>}
      <Link to="/dialogue-conferences" search={{ unitId: report.unit.id, year: Number(report.range.to.slice(0, 4)) }}>
        {t('dialogue.title')}
      </Link>
    </div>
  );
}
