import { Link } from '@tanstack/react-router';
import type { ColumnsType } from 'antd/es/table';
import Tag from 'antd/es/tag';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryListItem, EntrySummary } from '../../../common/entries';
import { DateText } from '../../ui/date-text';
import { UnitName } from '../../ui/unit-name';
import { useFormat } from '../../ui/use-format';
import { useUnitLabels } from '../../ui/use-unit-labels';
import { STATUS_COLORS, useEntryVocabulary } from './use-entry-vocabulary';

const META_STYLE = { fontSize: 12, color: 'rgba(0, 0, 0, 0.6)', marginTop: 2 } as const;

/**
 * The columns of the entries list. The title gets the width: the year, field and level read as
 * one line under it ("2023 · Kinh tế · Cấp xã") instead of three narrow columns, which at 1366 px
 * squeezed a Russian title to a word a line. The registering unit says where it lies ("Phường 5,
 * Quận 3, TP Hồ Chí Minh"); the status and the date never wrap.
 */
export function useEntryColumns(rows: readonly EntryListItem[]): ColumnsType<EntrySummary> {
  const { t } = useTranslation();
  const format = useFormat();
  const vocabulary = useEntryVocabulary();
  const unitLabels = useUnitLabels();
  const labels = useMemo(
    () => unitLabels(rows.map((e) => ({ id: e.registeringUnit.id, name: e.registeringUnit.name, parents: e.unitParents, validFrom: e.registeringUnit.validFrom, validTo: e.registeringUnit.validTo }))),
    [rows, unitLabels],
  );
  return [
    {
      key: 'title',
      title: t('entries.fields.title'),
      render: (_, e) => (
        <>
          <Link to="/entries/$entryId" params={{ entryId: e.id }} data-testid="entry-title">
            {e.title}
          </Link>
          <div style={META_STYLE} data-testid="entry-meta">
            {[String(e.year), vocabulary.field(e.fieldCode), vocabulary.level(e.level)].join(' · ')}
          </div>
        </>
      ),
    },
    {
      key: 'unit',
      title: t('entries.fields.registeringUnit'),
      width: '28%',
      render: (_, e) => <UnitName label={labels.get(e.registeringUnit.id)} fallback={e.registeringUnit.name} />,
    },
    {
      key: 'status',
      title: t('entries.fields.status'),
      render: (_, e) => (
        <Tag color={STATUS_COLORS[e.status]} data-testid="entry-status">
          {vocabulary.status(e.status)}
        </Tag>
      ),
    },
    { key: 'updated', title: t('entries.fields.updatedAt'), render: (_, e) => <DateText>{format.date(e.updatedAt)}</DateText> },
  ];
}
