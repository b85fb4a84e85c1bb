import Card from 'antd/es/card';
import { useTranslation } from 'react-i18next';
import { hasTasks } from '../../../common/reports';
import { PageHeading } from '../../ui/page-heading';
import { PrintButton } from '../../ui/print-button';
import { ChildBreakdownTable } from './child-breakdown-table';
import { FieldKindFormTable, LevelStatusTable } from './cross-tab-tables';
import { HeadlineFigures } from './headline-figures';
import { PetitionKindTable } from './petition-tables';
import { ReportDownloads } from './report-heading';
import { ReportFrame } from './report-frame';
import { TaskCard } from './task-card';

/** The report of a unit's whole subtree over a range: headline figures, cross-tabs, children, downloads. */
export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('reports.title')}>
        <PrintButton />
      </PageHeading>
      <ReportFrame to="/reports" actions={(query) => <ReportDownloads query={query} />}>
        {(report, { previous, drill }) => (
          <>
            <HeadlineFigures report={report} previousLabel={previous} />
            <Card size="small" title={t('reports.byFieldKindForm')} style={{ marginBottom: 16 }}>
              <FieldKindFormTable report={report} />
            </Card>
            <Card size="small" title={t('reports.byLevelStatus')} style={{ marginBottom: 16 }}>
              <LevelStatusTable report={report} />
            </Card>
            <Card size="small" title={t('reports.petitions.title')} extra={t('reports.petitions.overdueHint')} style={{ marginBottom: 16 }}>
              <PetitionKindTable report={report} />
            </Card>
            {hasTasks(report.figures.tasks) && (
              <Card size="small" title={t('dashboard.tasks.title')} style={{ marginBottom: 16 }}>
                <TaskCard report={report} />
              </Card>
            )}
            <Card size="small" title={t('reports.byChildUnit')} extra={t('reports.drillHint')}>
              <ChildBreakdownTable report={report} onDrill={drill} />
            </Card>
          </>
        )}
      </ReportFrame>
    </>
  );
}
