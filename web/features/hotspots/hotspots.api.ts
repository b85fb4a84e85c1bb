/**
 * Hotspots and incidents (điểm nóng, vụ việc phức tạp): the list, the tree by child unit, one case
 * and its writes. Shapes: common/hotspots.ts; routes: docs/situation.md §7.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcknowledgeHotspotBody,
  AddHotspotUpdateBody,
  CreateHotspotBody,
  EscalateHotspotBody,
  Hotspot,
  HotspotDetail,
  HotspotFigures,
  HotspotKind,
  HotspotPage,
  HotspotTree,
  UpdateHotspotBody,
} from '../../../common/hotspots';
import { api } from '../../app/api-client';

export type { Hotspot, HotspotDetail, HotspotFigures, HotspotKind, HotspotPage, HotspotTree };
export type HotspotFilter = {
  unitId: string;
  status?: 'open' | 'closed' | 'all';
  kind?: string;
  severity?: number;
  escalated?: 'true' | 'false';
  queue?: 'action';
  q?: string;
  limit?: number;
  offset?: number;
};

export const hotspotKeys = {
  all: ['hotspots'] as const,
  kinds: ['hotspots', 'kinds'] as const,
  list: (f: HotspotFilter) => ['hotspots', 'list', f] as const,
  tree: (unitId: string) => ['hotspots', 'tree', unitId] as const,
  detail: (id: string) => ['hotspots', 'detail', id] as const,
  figures: (unitId: string, from: string, to: string) => ['hotspots', 'figures', unitId, from, to] as const,
};

export function useHotspotKinds() {
  return useQuery({ queryKey: hotspotKeys.kinds, queryFn: () => api.get<{ items: HotspotKind[] }>('/api/hotspot-kinds'), staleTime: 3_600_000 });
}

export function useHotspots(filter: HotspotFilter | null) {
  return useQuery({
    queryKey: hotspotKeys.list(filter ?? { unitId: '' }),
    queryFn: () => api.get<HotspotPage>('/api/hotspots', filter ?? undefined),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
}

export function useHotspotTree(unitId: string | undefined) {
  return useQuery({ queryKey: hotspotKeys.tree(unitId ?? ''), queryFn: () => api.get<HotspotTree>('/api/hotspots/tree', { unitId: unitId ?? '' }), enabled: !!unitId });
}

export function useHotspotFigures(unitId: string | undefined, from: string, to: string) {
  return useQuery({ queryKey: hotspotKeys.figures(unitId ?? '', from, to), queryFn: () => api.get<HotspotFigures>('/api/hotspots/figures', { unitId: unitId ?? '', from, to }), enabled: !!unitId });
}

export function useHotspot(id: string) {
  return useQuery({ queryKey: hotspotKeys.detail(id), queryFn: () => api.get<HotspotDetail>(`/api/hotspots/${id}`) });
}

/** A write changes the lists, the tree, the figures and the work queue's count. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: hotspotKeys.all }), queryClient.invalidateQueries({ queryKey: ['work-queue'] })]);
}

export function useCreateHotspot() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateHotspotBody>) => api.post<HotspotDetail>('/api/hotspots', body), onSuccess: invalidate });
}

export function useAddHotspotUpdate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof AddHotspotUpdateBody>) => api.post<HotspotDetail>(`/api/hotspots/${id}/updates`, body), onSuccess: invalidate });
}

export function useAcknowledgeHotspot(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof AcknowledgeHotspotBody>) => api.post<HotspotDetail>(`/api/hotspots/${id}/acknowledge`, body), onSuccess: invalidate });
}

export function useEscalateHotspot(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof EscalateHotspotBody>) => api.post<HotspotDetail>(`/api/hotspots/${id}/escalate`, body), onSuccess: invalidate });
}

export function useUpdateHotspot(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateHotspotBody>) => api.patch<HotspotDetail>(`/api/hotspots/${id}`, body), onSuccess: invalidate });
}
