/** What leaves the server of the boards and the Front's supervision: the shapes of common/supervision.ts. */
import type { Activity, Board, Figures, FigureRow, Program, Recommendation } from '../../../common/supervision.js';
import { recommendationState } from '../../../common/supervision.js';
import type { ActivityRecord, BoardRecord, FigureRecord, ItemRecord, MemberRecord, ProgramRecord, RecommendationRecord } from './supervision.repository.js';

type BoardKind = Board['kind'];
type ProgramForm = Program['items'][number]['form'];

/** Members are office holders: name, position and time on the board, nothing more. */
export function presentBoard(b: BoardRecord, members: MemberRecord[], today: string): Board {
  return {
    id: b.id,
    unit: { id: b.unit_id, name: b.unit_name, kind: b.unit_kind },
    kind: b.kind,
    projectName: b.project_name,
    investor: b.investor,
    termFrom: b.term_from,
    termTo: b.term_to,
    electedOn: b.elected_on,
    electedBy: b.elected_by,
    inOffice: b.term_from <= today && (b.term_to === null || b.term_to >= today),
    members: members.filter((m) => m.board_id === b.id).map((m) => ({ id: m.id, name: m.name, position: m.position, fromOn: m.from_on, toOn: m.to_on })),
    version: b.version,
  };
}

export function presentProgram(p: ProgramRecord, items: ItemRecord[]): Program {
  return {
    id: p.id,
    unit: { id: p.unit_id, name: p.unit_name, kind: p.unit_kind },
    boardId: p.board_id,
    year: p.year,
    items: items.filter((i) => i.program_id === p.id).map((i) => ({ subject: i.subject, form: i.form as ProgramForm, leadOrganization: i.lead_organization })),
    version: p.version,
  };
}

export function presentActivity(a: ActivityRecord): Activity {
  return {
    id: a.id,
    unit: { id: a.unit_id, name: a.unit_name, kind: a.unit_kind },
    boardId: a.board_id,
    boardKind: a.board_kind as BoardKind | null,
    programId: a.program_id,
    kind: a.kind,
    heldOn: a.held_on,
    subject: a.subject,
    findings: a.findings,
    recommendationCount: a.recommendation_count,
    version: a.version,
  };
}

export function presentRecommendation(r: RecommendationRecord, today: string): Recommendation {
  return {
    id: r.id,
    activityId: r.activity_id,
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    boardKind: r.board_kind,
    subject: r.subject,
    content: r.content,
    addressee: r.addressee,
    sentOn: r.sent_on,
    dueOn: r.due_on,
    answeredOn: r.answered_on,
    answerKind: r.answer_kind,
    answer: r.answer,
    state: recommendationState({ dueOn: r.due_on, answeredOn: r.answered_on, answerKind: r.answer_kind }, today),
    version: r.version,
  };
}

const row = (f: Omit<FigureRecord, 'unit_id'>): FigureRow => ({
  boardsInOffice: f.boards_in_office,
  boardFindings: f.board_findings,
  frontSupervisions: f.front_supervisions,
  frontCriticisms: f.front_criticisms,
  recommendations: f.recommendations,
  answered: f.answered,
  partly: f.partly,
  overdue: f.overdue,
});

export function presentFigures(f: {
  unit: { id: string; name: string; kind: string };
  year: number;
  today: string;
  total: Omit<FigureRecord, 'unit_id'>;
  own: Omit<FigureRecord, 'unit_id'>;
  children: { unit: { id: string; name: string; kind: string }; figures: FigureRecord }[];
}): Figures {
  return {
    unit: { id: f.unit.id, name: f.unit.name, kind: f.unit.kind },
    year: f.year,
    today: f.today,
    total: row(f.total),
    own: row(f.own),
    children: f.children.map((c) => ({ unit: c.unit, ...row(c.figures) })),
  };
}
