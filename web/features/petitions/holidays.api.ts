/** The days off of a year and the Government's holiday decisions. Shapes: server/modules/petitions/petitions.schema.ts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HolidayName } from '../../../common/working-days';
import { api } from '../../app/api-client';

export type DayOff = { date: string; name: HolidayName; compensatory: boolean };
export type HolidayYear = { year: number; daysOff: DayOff[]; adjustments: { date: string; kind: 'day_off' | 'working_day'; note: string }[] };

export function useHolidayYear(year: number) {
  return useQuery({ queryKey: ['holidays', year], queryFn: () => api.get<HolidayYear>('/api/holidays', { year }) });
}

export function useSetHoliday() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, ...body }: { date: string; kind: 'day_off' | 'working_day'; note: string }) => api.put<null>(`/api/holidays/${date}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['holidays'] }),
  });
}

export function useDeleteHoliday() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (date: string) => api.delete<null>(`/api/holidays/${date}`), onSuccess: () => void qc.invalidateQueries({ queryKey: ['holidays'] }) });
}
