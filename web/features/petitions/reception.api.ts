/** Citizen reception sessions and dialogue conferences. Shapes: server/modules/petitions/reception.schema.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { DialogueFlags, DialogueRule, MissingDialogues, ResultsForm } from '../../../common/dialogue';

export type SessionKind = 'reception' | 'dialogue';
export type SessionSummary = {
  id: string;
  kind: SessionKind;
  unit: { id: string; name: string };
  heldOn: string;
  title: string;
  presiding: string;
  commitments: { total: number; done: number; overdue: number };
  /** Dialogue conferences only: notice, results and the flags of the rule in force on the day. */
  dialogue: { noticeOn: string | null; resultsPublishedOn: string | null; resultsForm: ResultsForm | null; flags: DialogueFlags; rule: DialogueRule | null } | null;
};
export type Commitment = { id: string; issueId: string | null; description: string; owner: string; ownerUnitId: string | null; deadline: string; doneOn: string | null; doneNote: string | null; state: 'open' | 'overdue' | 'done' };
export type SessionDetail = SessionSummary & {
  attendees: string | null;
  notes: string | null;
  version: number;
  issues: { id: string; summary: string; petition: { id: string; number: string; title: string } | null }[];
  commitmentList: Commitment[];
};
export type NewSession = {
  kind: SessionKind;
  unitId: string;
  heldOn: string;
  title: string;
  presiding: string;
  attendees?: string;
  noticeOn?: string;
  resultsPublishedOn?: string;
  resultsForm?: ResultsForm;
  issues: { summary: string }[];
  commitments: { description: string; owner: string; deadline: string; issueIndex?: number }[];
};

export function useSessions(q: { unitId?: string; kind?: SessionKind; page: number }) {
  return useQuery({
    queryKey: ['reception-sessions', q],
    queryFn: () => api.get<{ items: SessionSummary[]; total: number }>('/api/reception-sessions', { unitId: q.unitId, kind: q.kind, limit: 50, offset: (q.page - 1) * 50 }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: ['reception-sessions', 'detail', id], queryFn: () => api.get<SessionDetail>(`/api/reception-sessions/${id}`) });
}

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: NewSession) => api.post<SessionDetail>('/api/reception-sessions', body), onSuccess: () => void qc.invalidateQueries({ queryKey: ['reception-sessions'] }) });
}

export function useCompleteCommitment(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ commitmentId, note }: { commitmentId: string; note?: string }) => api.post<SessionDetail>(`/api/reception-sessions/${sessionId}/commitments/${commitmentId}/done`, { note }),
    onSuccess: (d) => {
      qc.setQueryData(['reception-sessions', 'detail', sessionId], d);
      void qc.invalidateQueries({ queryKey: ['reception-sessions'] });
    },
  });
}

export type DialogueChange = { noticeOn: string | null; resultsPublishedOn: string | null; resultsForm: ResultsForm | null; version: number };

/** Records a dialogue's notice and results at the version shown (CONFLICT when someone changed it since). */
export function useUpdateDialogue(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DialogueChange) => api.put<SessionDetail>(`/api/reception-sessions/${sessionId}/dialogue`, body),
    onSuccess: (d) => {
      qc.setQueryData(['reception-sessions', 'detail', sessionId], d);
      void qc.invalidateQueries({ queryKey: ['reception-sessions'] });
      void qc.invalidateQueries({ queryKey: ['dialogue-missing'] });
    },
  });
}

/** The communes in force under a unit with no dialogue conference in the year. */
export function useMissingDialogues(q: { unitId?: string; year: number }) {
  return useQuery({
    queryKey: ['dialogue-missing', q],
    queryFn: () => api.get<MissingDialogues>('/api/dialogue/missing', { unitId: q.unitId, year: q.year }),
    enabled: !!q.unitId,
    placeholderData: keepPreviousData,
  });
}
