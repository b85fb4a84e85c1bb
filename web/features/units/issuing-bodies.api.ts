/** Who issues a unit's Party documents, over time (GET / PUT /api/units/:id/issuing-bodies; shapes: common/issuing-bodies.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuingBodies, IssuingBodiesBody } from '../../../common/issuing-bodies';
import { api } from '../../app/api-client';

export type { IssuingBodies };

const key = (unitId: string) => ['units', unitId, 'issuing-bodies'] as const;

export function useIssuingBodies(unitId: string) {
  return useQuery({ queryKey: key(unitId), queryFn: () => api.get<IssuingBodies>(`/api/units/${unitId}/issuing-bodies`) });
}

/** Replaces the unit's whole list (the server checks the periods and the permission again). */
export function useSaveIssuingBodies(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IssuingBodiesBody) => api.put<IssuingBodies>(`/api/units/${unitId}/issuing-bodies`, body),
    onSuccess: (saved) => client.setQueryData(key(unitId), saved),
  });
}
