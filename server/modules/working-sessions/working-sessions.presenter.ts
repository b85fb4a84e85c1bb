/** What leaves the server of working sessions: the shapes of common/working-sessions.ts. */
import type { UnitWorkingSessions, WorkingSession, WorkingSessionDetail } from '../../../common/working-sessions.js';
import type { TaskRecord } from '../tasks/tasks.repository.js';
import type { UnitRecord } from '../units/units.repository.js';
import type { MemberRecord, NoticeRecord, SessionRecord } from './working-sessions.repository.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentSession(s: SessionRecord): WorkingSession {
  return {
    id: s.id,
    unit: { id: s.unit_id, name: s.unit_name, kind: s.unit_kind },
    leadingUnit: { id: s.leading_unit_id, name: s.leading_unit_name, kind: s.leading_unit_kind },
    heldOn: s.held_on,
    place: s.place,
    content: s.content,
    head: s.head_name !== null ? { name: s.head_name, position: s.head_position ?? '' } : null,
    memberCount: s.member_count,
    noticeId: s.notice_id,
    createdAt: iso(s.created_at),
    updatedAt: iso(s.updated_at),
    version: s.version,
  };
}

export function presentSessionDetail(d: {
  session: SessionRecord;
  members: MemberRecord[];
  notice: NoticeRecord | null;
  requests: TaskRecord[];
  can: { edit: boolean; addNotice: boolean };
}): WorkingSessionDetail {
  return {
    ...presentSession(d.session),
    members: d.members.map((m) => ({
      id: m.id,
      name: m.name,
      position: m.position,
      unit: m.unit_id !== null ? { id: m.unit_id, name: m.unit_name ?? '', kind: m.unit_kind ?? '' } : null,
      isHead: m.is_head,
    })),
    notice: d.notice && { id: d.notice.id, number: d.notice.number, symbol: d.notice.symbol, issuedOn: d.notice.issued_on, title: d.notice.title, status: d.notice.status, planId: d.notice.plan_id },
    requests: d.requests.map((t) => ({
      id: t.id,
      content: t.content,
      expectedOutput: t.expected_output,
      ownerUnit: { id: t.owner_unit_id, name: t.owner_unit_name, kind: t.owner_unit_kind },
      deadline: t.deadline,
      status: t.status,
      overdue: t.overdue,
      lastReportOn: t.last_report_on,
      childCount: t.child_count,
      version: t.version,
    })),
    can: d.can,
  };
}

export function presentUnitHistory(h: {
  unit: UnitRecord;
  sessions: SessionRecord[];
  total: number;
  openRequests: number;
  overdueRequests: number;
  today: string;
}): UnitWorkingSessions {
  return {
    unit: { id: h.unit.id, name: h.unit.name, kind: h.unit.kind },
    sessions: h.sessions.map(presentSession),
    total: h.total,
    openRequests: h.openRequests,
    overdueRequests: h.overdueRequests,
    today: h.today,
  };
}
