/** What leaves the server about reception sessions and dialogue conferences. */
import type { CommitmentRecord, SessionRecord } from './reception.repository.js';
import type { getSessionDetail } from './reception.service.js';

export function presentSession(s: SessionRecord) {
  return {
    id: s.id,
    kind: s.kind,
    unit: { id: s.unit_id, name: s.unit_name },
    heldOn: s.held_on,
    title: s.title,
    presiding: s.presiding,
    commitments: { total: s.total, done: s.done, overdue: s.overdue },
  };
}

/** A commitment with its session, as the commitments list shows it; `today` decides overdue. */
export function presentCommitment(c: CommitmentRecord, today: string) {
  return {
    id: c.id,
    issueId: c.issue_id,
    description: c.description,
    owner: c.owner,
    ownerUnitId: c.owner_unit_id,
    deadline: c.deadline,
    doneOn: c.done_on,
    doneNote: c.done_note,
    state: c.done_on ? ('done' as const) : c.deadline < today ? ('overdue' as const) : ('open' as const),
    session: { id: c.session_id, kind: c.session_kind, title: c.session_title, heldOn: c.held_on, unit: { id: c.unit_id, name: c.unit_name } },
  };
}

export function presentSessionDetail(d: Awaited<ReturnType<typeof getSessionDetail>>) {
  return {
    ...presentSession(d.session),
    attendees: d.session.attendees,
    notes: d.session.notes,
    version: d.session.version,
    issues: d.issues.map((i) => ({ id: i.id, summary: i.summary, petition: i.readable ? { id: i.petition_id!, number: `${i.number}/${i.year}`, title: i.title! } : null })),
    commitmentList: d.commitments.map((c) => ({
      id: c.id,
      issueId: c.issue_id,
      description: c.description,
      owner: c.owner,
      ownerUnitId: c.owner_unit_id,
      deadline: c.deadline,
      doneOn: c.done_on,
      doneNote: c.done_note,
      state: c.done_on ? ('done' as const) : c.deadline < d.today ? ('overdue' as const) : ('open' as const),
    })),
  };
}
