/** What leaves the server about reception sessions and dialogue conferences. */
import type { CommitmentRecord, SessionRecord } from './reception.repository.js';
import type { getSessionDetail } from './reception.service.js';
import { dialogueFlags, type ResultsForm } from '../../../common/dialogue.js';
import { ruleOn } from './dialogue.service.js';
import type { RuleRow } from './dialogue.repository.js';

/** A dialogue's notice and results with the flags of the rule in force on its day for its unit's kind. */
function presentDialogue(s: SessionRecord, rules: RuleRow[], today: string) {
  if (s.kind !== 'dialogue') return null;
  const rule = ruleOn(rules, s.unit_kind, s.held_on);
  return {
    noticeOn: s.notice_on,
    resultsPublishedOn: s.results_published_on,
    resultsForm: s.results_form as ResultsForm | null,
    flags: dialogueFlags({ heldOn: s.held_on, noticeOn: s.notice_on, resultsPublishedOn: s.results_published_on }, rule, today),
    rule,
  };
}

export function presentSession(s: SessionRecord, rules: RuleRow[], today: string) {
  return {
    id: s.id,
    kind: s.kind,
    unit: { id: s.unit_id, name: s.unit_name },
    heldOn: s.held_on,
    title: s.title,
    presiding: s.presiding,
    commitments: { total: s.total, done: s.done, overdue: s.overdue },
    dialogue: presentDialogue(s, rules, today),
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
    ...presentSession(d.session, d.rules, d.today),
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
