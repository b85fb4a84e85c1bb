/**
 * Dialogue conferences under the law's rules (issue 16): the rule in force on a day, the checks on a
 * conference's notice and results, recording them after the day, and the communes of an area that
 * have held none in a year. Writes need data.write on the conference's unit; reads units.read.
 */
import { conferencesOwed, type DialogueRule, type MissingDialogues } from '../../../common/dialogue.js';
import { todayInVietnam } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './dialogue.repository.js';
import * as sessions from './reception.repository.js';

export type DialogueFields = { noticeOn?: string | null; resultsPublishedOn?: string | null; resultsForm?: string | null };

const toRule = (r: repo.RuleRow): DialogueRule => ({
  unitKind: r.unit_kind,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  minPerYear: r.min_per_year,
  noticeDays: r.notice_days,
  publishDays: r.publish_days,
  legalSource: r.legal_source,
  toConfirm: r.to_confirm,
});

/** The rule in force on `day` for a unit of `kind` (none: no flags are raised). */
export function ruleOn(rules: repo.RuleRow[], kind: string, day: string): DialogueRule | null {
  const r = rules.find((x) => x.unit_kind === kind && x.valid_from <= day && (x.valid_to === null || x.valid_to > day));
  return r ? toRule(r) : null;
}

export async function rulesOf(db: Db) {
  return repo.findRules(db);
}

type Issue = { path: string; message: string };

/**
 * The dates' own checks, before anything is written: only a dialogue carries them, the notice comes
 * before the conference, the results after it, neither in the future, and a form only with a day.
 */
export function dialogueIssues(kind: string, heldOn: string, d: DialogueFields, today: string, prefix = 'body'): Issue[] {
  const issues: Issue[] = [];
  const any = d.noticeOn || d.resultsPublishedOn || d.resultsForm;
  if (kind !== 'dialogue') {
    if (any) issues.push({ path: `${prefix}.kind`, message: 'only a dialogue conference has a notice and published results' });
    return issues;
  }
  if (d.noticeOn && d.noticeOn > heldOn) issues.push({ path: `${prefix}.noticeOn`, message: `the notice must be given on or before the conference (${heldOn})` });
  if (d.noticeOn && d.noticeOn > today) issues.push({ path: `${prefix}.noticeOn`, message: `must not be after ${today}` });
  if (d.resultsPublishedOn && d.resultsPublishedOn < heldOn) issues.push({ path: `${prefix}.resultsPublishedOn`, message: `the results cannot be published before the conference (${heldOn})` });
  if (d.resultsPublishedOn && d.resultsPublishedOn > today) issues.push({ path: `${prefix}.resultsPublishedOn`, message: `must not be after ${today}` });
  if (d.resultsForm && !d.resultsPublishedOn) issues.push({ path: `${prefix}.resultsForm`, message: 'give the day the results were published' });
  return issues;
}

export function invalid(issues: Issue[]): AppError {
  return new AppError('VALIDATION_FAILED', `The dialogue conference is not valid; nothing was recorded: ${issues.map((i) => `${i.path.replace(/^body\./, '')} ${i.message}`).join('; ')}`, issues);
}

/** Records (or corrects) a conference's notice and results at the version the writer read. */
export async function updateDialogue(ctx: Ctx, actor: Actor, id: string, input: DialogueFields & { version: number }, today = todayInVietnam()): Promise<void> {
  const s = await sessions.findSession(ctx.db, id, today);
  if (!s || !can(actor, 'units.read', s.unit_path)) throw new AppError('NOT_FOUND', `Reception session ${id} not found`, { what: 'reception_session', id });
  assertCan(actor, 'data.write', s.unit_path);
  // Checked here, not only through the fields: a call with the version alone would otherwise touch a reception session.
  if (s.kind !== 'dialogue') {
    throw new AppError('VALIDATION_FAILED', 'Only a dialogue conference has a notice and published results; this is a reception session', [
      { path: 'params.id', message: 'must be a dialogue conference, not a reception session', code: 'not_dialogue' },
    ]);
  }
  const next = {
    noticeOn: input.noticeOn === undefined ? s.notice_on : input.noticeOn,
    resultsPublishedOn: input.resultsPublishedOn === undefined ? s.results_published_on : input.resultsPublishedOn,
    resultsForm: input.resultsForm === undefined ? s.results_form : input.resultsForm,
  };
  const issues = dialogueIssues(s.kind, s.held_on, next, today);
  if (issues.length) throw invalid(issues);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await sessions.updateDialogue(trx, id, input.version, { notice_on: next.noticeOn ?? null, results_published_on: next.resultsPublishedOn ?? null, results_form: next.resultsForm ?? null });
    if (!ok) throw new AppError('CONFLICT', 'The conference was changed by someone else; reload it and try again', { id, version: input.version });
    await recordAudit(trx, actor, {
      action: 'reception_session.dialogue',
      recordType: 'reception_session',
      recordId: id,
      unitId: s.unit_id,
      before: { noticeOn: s.notice_on, resultsPublishedOn: s.results_published_on, resultsForm: s.results_form },
      after: next,
    });
  });
}

/**
 * The communes in force in the area that did not hold the conferences the rule asks in `year` (at
 * least one), grouped by the area's child units, with each group's count. The rule is the one in
 * force at the year's end (or today, in the current year).
 */
export async function missingDialogues(ctx: Ctx, actor: Actor, q: { unitId: string; year: number }, today = todayInVietnam()): Promise<MissingDialogues> {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  const range = { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
  const [rows, rules] = await Promise.all([repo.findCommunesWithConferences(ctx.db, unit.path, range.from, range.to, today), repo.findRules(ctx.db)]);
  const rule = ruleOn(rules, 'commune', range.to < today ? range.to : today);
  const required = conferencesOwed(range, rule);
  const groups = new Map<string, MissingDialogues['groups'][number]>();
  for (const r of rows) {
    const g = groups.get(r.child_id) ?? { unit: { id: r.child_id, name: r.child_name }, communes: 0, held: 0, without: [] };
    g.communes += 1;
    if (r.conferences >= required) g.held += 1;
    else g.without.push({ id: r.id, name: r.name, code: r.code, conferences: r.conferences });
    groups.set(r.child_id, g);
  }
  const held = rows.filter((r) => r.conferences >= required).length;
  return { year: q.year, unit: { id: unit.id, name: unit.name }, rule, required, communes: rows.length, held, without: rows.length - held, groups: [...groups.values()] };
}

/**
 * The report block's dialogue figures for an area and a range: the communes in force today, as the
 * missing list counts them, and the conferences owed by the same rule (`conferencesOwed`).
 */
export async function dialogueFigures(db: Db, areaPath: string, range: { from: string; to: string }, today = todayInVietnam()) {
  const [rows, late, rules] = await Promise.all([repo.findCommunesWithConferences(db, areaPath, range.from, range.to, today), repo.countResultsLate(db, areaPath, range.from, range.to, today), repo.findRules(db)]);
  const required = conferencesOwed(range, ruleOn(rules, 'commune', range.to < today ? range.to : today));
  const held = rows.filter((r) => r.conferences >= required).length;
  return { communes: rows.length, held, without: rows.length - held, required, conferences: late.conferences, resultsLate: late.late };
}
