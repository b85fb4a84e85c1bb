import { useNavigate, useSearch } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useMe } from '../auth/auth.api';
import { drillDown, type ReportSearch, resolveReportQuery, validateReportSearch } from './report-search';

/**
 * The filters of the report page or the dashboard, read from and written to the URL. Without a
 * unit in the URL, the account's first granted unit is reported (the whole of its scope).
 */
export function useReportFilters(to: '/reports' | '/dashboard') {
  const search = useSearch({ strict: false }) as ReportSearch;
  const navigate = useNavigate();
  const me = useMe();
  const today = dayjs().format('YYYY-MM-DD');
  const defaultUnitId = me?.grants[0]?.unitId;
  const resolved = resolveReportQuery(search, { unitId: defaultUnitId, today });
  return {
    search,
    unitId: search.unitId ?? defaultUnitId,
    today,
    query: 'query' in resolved ? resolved.query : null,
    missing: 'missing' in resolved ? resolved.missing : null,
    change: (next: ReportSearch) => void navigate({ to, search: validateReportSearch(next) }),
    drill: (unitId: string) => void navigate({ to, search: drillDown(search, unitId) }),
  };
}
