import Descriptions from 'antd/es/descriptions';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value';
import { MoodTag } from './mood-tag';
import { catalogueName, type SituationReport, useSituationCatalogue } from './situation.api';

/** A report's items as sent (or as a reader without the right to edit sees the draft). */
export function SituationItemsView({ report }: { report: SituationReport }) {
  const { t, i18n } = useTranslation();
  const topics = useSituationCatalogue('topics');
  const groups = useSituationCatalogue('groups');
  if (!report.items.length) return <Typography.Paragraph type="secondary">{t('situation.form.noItems')}</Typography.Paragraph>;
  return (
    <>
      {report.items.map((item, i) => (
        <Descriptions
          key={i}
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          data-testid="situation-item"
          title={
            <span>
              {i + 1}. <bdi>{catalogueName(topics.data?.items, item.topic, i18n.language)}</bdi> <MoodTag mood={item.mood} />
            </span>
          }
          items={[
            { key: 'groups', label: t('situation.fields.groups'), children: item.groups.length ? item.groups.map((g) => catalogueName(groups.data?.items, g, i18n.language)).join(', ') : <EmptyValue /> },
            { key: 'summary', label: t('situation.fields.summary'), children: <bdi style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</bdi> },
            { key: 'proposals', label: t('situation.fields.proposals'), children: item.proposals ? <bdi style={{ whiteSpace: 'pre-wrap' }}>{item.proposals}</bdi> : <EmptyValue /> },
            { key: 'sources', label: t('situation.fields.sources'), children: item.sources ? <bdi>{item.sources}</bdi> : <EmptyValue /> },
          ]}
        />
      ))}
    </>
  );
}
