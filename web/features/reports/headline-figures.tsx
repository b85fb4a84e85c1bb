import Card from 'antd/es/card';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import { useFormat } from '../../ui/use-format';
import { HEADLINE_KEYS, headline } from './report-figures';
import { useHeadlineNames } from './use-headline-names';

/** The headline figures of the range, each with its change against the previous range of the same length. */
export function HeadlineFigures({ report, previousLabel }: { report: ReportView; previousLabel: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = headline(report.figures);
  const before = headline(report.previous);
  const names = useHeadlineNames();
  return (
    // The grid is in app/global.css: two compact columns on a phone.
    <div className="headline-figures" data-testid="headline-figures">
      {HEADLINE_KEYS.map((key) => {
        const delta = now[key] - before[key];
        const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
        return (
          <Card key={key} size="small" data-testid={`figure-${key}`}>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{names[key]}</div>
            <div className="headline-figure-value" data-testid="figure-value" data-value={now[key]}>
              {format.number(now[key])}
            </div>
            <Typography.Text type={delta > 0 ? 'success' : delta < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="figure-change">
              {t('reports.change', { delta: `${sign}${format.number(Math.abs(delta))}`, previous: format.number(before[key]), range: previousLabel })}
            </Typography.Text>
          </Card>
        );
      })}
    </div>
  );
}
