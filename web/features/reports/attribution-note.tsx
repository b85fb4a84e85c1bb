import Alert from 'antd/es/alert';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../common/reports';
import { RESTRUCTURE_DATE } from '../../../common/units';
import { useFormat } from '../../ui/use-format';

/**
 * How records of units retired in the 1 July 2025 restructure entered this report: all of them
 * through whole merges, or some by the main-part rule for partial merges (docs/reports.md).
 * Also says when the reported unit itself is retired (its report covers its own lifetime).
 */
export function AttributionNote({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { retiredEntries, partialEntries, retiredCommendations, partialCommendations } = report.attribution;
  const date = format.date(RESTRUCTURE_DATE);
  const lines = [
    !report.unit.inForce && t('reports.unitRetired', { date: format.date(report.unit.validTo) }),
    retiredEntries > 0 && t('reports.attributionEntries', { n: format.number(retiredEntries), m: format.number(partialEntries), date }),
    retiredCommendations > 0 && t('reports.attributionCommendations', { n: format.number(retiredCommendations), m: format.number(partialCommendations), date }),
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="attribution-note"
      title={
        <>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </>
      }
    />
  );
}
