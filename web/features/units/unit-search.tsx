import { Link } from '@tanstack/react-router';
import Checkbox from 'antd/es/checkbox';
import Input from 'antd/es/input';
import Typography from 'antd/es/typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormat } from '../../ui/use-format';
import { SEARCH_QUERY_MAX } from '../../../common/units';
import { SEARCH_MIN_LENGTH, type UnitSearchHit, useUnitSearch } from './units.api';
import { RetiredNote } from './retired-note';
import { useKindName } from './use-kind-name';
import { useUnitLabel } from './use-unit-label';

/** Finds units by name (accents optional: "hoa lu" finds "Hoa Lư"), old units included by choice. */
export function UnitSearch() {
  const { t } = useTranslation();
  const format = useFormat();
  const inputId = useId();
  const [text, setText] = useState('');
  const [includeRetired, setIncludeRetired] = useState(true);
  const q = useDebouncedValue(text.trim(), 300);
  const search = useUnitSearch(q, includeRetired);
  const active = q.length >= SEARCH_MIN_LENGTH;

  return (
    <section aria-labelledby={`${inputId}-label`}>
      <label id={`${inputId}-label`} htmlFor={inputId} style={{ display: 'block', fontWeight: 500, marginBottom: 4 }}>
        {t('units.searchLabel')}
      </label>
      <Input.Search
        id={inputId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('units.searchPlaceholder')}
        allowClear
        maxLength={SEARCH_QUERY_MAX}
        loading={active && search.isFetching}
        enterButton={t('common.search')}
        data-testid="unit-search"
      />
      <Checkbox checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} style={{ marginTop: 8 }}>
        {t('units.includeRetiredInSearch')}
      </Checkbox>
      {text.trim().length > 0 && text.trim().length < SEARCH_MIN_LENGTH && (
        <Typography.Paragraph type="secondary">{t('units.searchTooShort', { min: SEARCH_MIN_LENGTH })}</Typography.Paragraph>
      )}
      {active && <ErrorAlert error={search.error} />}
      {active && search.data && (
        <div aria-live="polite" data-testid="unit-search-results">
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('units.searchResultCount', { shown: format.number(search.data.items.length), total: format.number(search.data.total) })}
          </Typography.Paragraph>
          <ul className="plain-list">
            {search.data.items.map((hit) => (
              <SearchHit key={hit.id} hit={hit} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function SearchHit({ hit }: { hit: UnitSearchHit }) {
  const kindName = useKindName();
  const label = useUnitLabel();
  return (
    <li data-testid="unit-search-hit">
      <Link to="/units/$unitId" params={{ unitId: hit.id }} className={hit.retired ? 'unit-retired' : undefined}>
        {label(hit)}
      </Link>
      <span style={{ marginInlineStart: 8, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{kindName(hit.kind)}</span>
      {hit.pathNames && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{hit.pathNames}</div>}
      {hit.validTo && (
        <div style={{ fontSize: 13 }}>
          <RetiredNote validTo={hit.validTo} successors={hit.successors} />
        </div>
      )}
    </li>
  );
}
