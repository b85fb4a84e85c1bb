import Breadcrumb from 'antd/es/breadcrumb';
import Button from 'antd/es/button';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import type { ReportView, ReportQuery } from '../../../common/reports';
import { useMe } from '../auth/auth.api';
import { useUnit } from '../units/units.api';
import { reachableAncestors, reportFileUrl } from './report-search';

type Props = { report: ReportView; rangeLabel: string; onDrill: (unitId: string) => void };

/** The reported unit and range, with the way back up: the unit's ancestors within the account's scope. */
export function ReportHeading({ report, rangeLabel, onDrill }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const detail = useUnit(report.unit.id);
  const ancestors = reachableAncestors(detail.data?.ancestors ?? [], (me?.grants ?? []).map((g) => g.unitId));
  return (
    <div style={{ marginBottom: 16 }}>
      {ancestors.length > 0 && (
        <Breadcrumb
          data-testid="report-ancestors"
          items={ancestors.map((a) => ({
            key: a.id,
            title: (
              <Button type="link" size="small" style={{ paddingInline: 0, height: 'auto' }} onClick={() => onDrill(a.id)}>
                {a.name}
              </Button>
            ),
          }))}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 18, margin: '4px 0 0' }} data-testid="report-unit">
        {report.unit.name}
        {!report.unit.inForce && <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>{t('reports.retired')}</Tag>}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="report-range">
        {rangeLabel}
      </Typography.Text>
    </div>
  );
}

/** The same report as a document to file, or a table to work on. */
export function ReportDownloads({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="report-downloads">
      <Button href={reportFileUrl(query, 'docx')} data-testid="download-docx">
        {t('reports.downloadDocx')}
      </Button>
      <Button href={reportFileUrl(query, 'xlsx')} data-testid="download-xlsx">
        {t('reports.downloadXlsx')}
      </Button>
      <Button href={reportFileUrl(query, 'csv')} data-testid="download-csv">
        {t('reports.downloadCsv')}
      </Button>
    </Space>
  );
}
