import Checkbox from 'antd/es/checkbox';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { FACETS, type Facet } from '../../../common/entries';
import { useFormat } from '../../ui/use-format';
import type { EntryFilters, FacetValue } from './entries.api';
import { useFacetValueLabel } from './entry-filter-words';

/** Facets whose filter takes one value (true or false), not a list. */
const SINGLE: readonly Facet[] = ['typical', 'replicated'];

const FILTER_OF: Record<Facet, keyof EntryFilters> = {
  year: 'year',
  periodId: 'periodId',
  field: 'field',
  kind: 'kind',
  form: 'form',
  level: 'level',
  status: 'status',
  typical: 'typical',
  replicated: 'replicated',
};

type Props = {
  facets: Partial<Record<Facet, FacetValue[]>> | undefined;
  filters: EntryFilters;
  onChange: (patch: Partial<EntryFilters>) => void;
};

/** Each facet's values with their counts (under the other filters), as checkbox lists. */
export function EntryFacets({ facets, filters, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useFacetValueLabel();


  return (
    <div data-testid="entry-facets">
      {FACETS.map((facet) => {
        const values = facets?.[facet] ?? [];
        const key = FILTER_OF[facet];
        const selected = String(filters[key] ?? '')
          .split(',')
          .filter(Boolean);
        // A chosen value stays visible even when the other filters leave it no entries.
        const shown = [...values, ...selected.filter((s) => !values.some((v) => v.value === s)).map((value) => ({ value, count: 0 }))];
        if (shown.length === 0) return null;
        return (
          <fieldset key={facet} data-testid={`facet-${facet}`} style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4, border: 0 }}>{t(`entries.facet.${facet}`)}</legend>
            <Checkbox.Group
              value={selected}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              onChange={(next) => {
                const values = next.map(String);
                const value = SINGLE.includes(facet) ? values.filter((v) => !selected.includes(v)).slice(-1) : values;
                onChange({ [key]: value.length ? value.join(',') : undefined });
              }}
              options={shown.map((v) => ({
                value: v.value,
                label: (
                  <span data-testid="facet-value" data-value={v.value}>
                    {label(facet, v.value)}{' '}
                    <Typography.Text type="secondary" data-testid="facet-count">
                      ({format.number(v.count)})
                    </Typography.Text>
                  </span>
                ),
              }))}
            />
          </fieldset>
        );
      })}
    </div>
  );
}
