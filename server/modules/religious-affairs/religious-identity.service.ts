/**
 * The sensitive side of the registers (docs/situation.md §4, §9): a person's identity revealed to
 * holders of situation.identity, each read audited (`situation.identity.read`); the figures by
 * religion and ethnicity with small-cell suppression unless a holder asks for exact figures; the
 * exports of the personal registers, with names only for holders who give a reason (audited).
 */
import type { PersonalRegister, RegisterExportQuery, ReligiousFiguresQuery } from '../../../common/religious-affairs.js';
import { RELIGIOUS_LIMITS } from '../../../common/religious-affairs.js';
import { type CellIn, isSmall, suppressSmallCells } from '../../../common/small-cells.js';
import { AppError } from '../../errors.js';
import { type Actor, can, canReadRecord } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { readableArea } from '../../http/record-area.js';
import { findUnitPaths } from '../../http/record-area.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnitById } from '../units/units.repository.js';
import { countFigures } from './religious-figures.repository.js';
import type * as repo from './religious-affairs.repository.js';
import { canReadIdentity, getReadable, listRecords, RECORD_TYPE } from './religious-affairs.service.js';

const forbiddenIdentity = (what: string) =>
  new AppError('FORBIDDEN', `Permission situation.identity is required ${what}`, { permission: 'situation.identity' });

/** A person's identity, for holders of situation.identity in the record's scope; the read itself is audited. */
export async function readIdentity(ctx: Ctx, actor: Actor, register: PersonalRegister, id: string) {
  const r = await getReadable(ctx, actor, register, id);
  if (!canReadIdentity(actor, r)) throw forbiddenIdentity('to read the names in this register');
  await recordAudit(ctx.db, actor, { action: 'situation.identity.read', recordType: RECORD_TYPE[register], recordId: id, unitId: r.unit_id, after: { register } });
  return r;
}

/** situation.identity on the unit itself or on the unit in force it counts under. */
async function holdsIdentityOn(ctx: Ctx, actor: Actor, unitId: string): Promise<boolean> {
  const u = await findUnitPaths(ctx.db, unitId);
  return !!u && (can(actor, 'situation.identity', u.path) || (u.current_path !== null && can(actor, 'situation.identity', u.current_path)));
}

export async function figures(ctx: Ctx, actor: Actor, q: ReligiousFiguresQuery, opts: { forceSuppression?: boolean } = {}) {
  const area = await readableArea(ctx.db, actor, q.unitId);
  const unit = (await findUnitById(ctx.db, q.unitId))!;
  const wantsExact = q.exact === 'true' && !opts.forceSuppression;
  if (wantsExact && !(await holdsIdentityOn(ctx, actor, q.unitId))) throw forbiddenIdentity('on the unit for exact figures; without it the figures are shown with small cells suppressed');
  const c = await countFigures(ctx.db, area, q.year);
  const persons = (cells: CellIn[]) => suppressSmallCells(cells, wantsExact ? 'organizations' : 'persons');
  return {
    unit: { id: unit.id, name: unit.name },
    year: q.year,
    exact: wantsExact,
    organizationsByReligion: suppressSmallCells(c.organizations, 'organizations'),
    placesByReligion: suppressSmallCells(c.places, 'organizations'),
    dignitariesByReligion: persons(c.dignitaries),
    personsByEthnicity: persons(c.persons),
    supportByKind: persons(c.support),
    events: c.events,
    // A count of one or two named people taking part points at them as much as a cell does.
    participation: {
      organizations: c.participation.organizations,
      dignitaries: wantsExact || !isSmall(c.participation.dignitaries) ? c.participation.dignitaries : null,
      persons: wantsExact || !isSmall(c.participation.persons) ? c.participation.persons : null,
    },
  };
}

/**
 * The rows of a personal register's export. With includeNames the caller needs situation.identity on
 * the listed unit and a reason, and the export is audited with the reason; without, the names and
 * the religion or ethnicity are not in the file at all.
 */
export async function exportRegister(ctx: Ctx, actor: Actor, register: PersonalRegister, q: RegisterExportQuery) {
  const includeNames = q.includeNames === 'true';
  const reason = q.reason?.replace(/\s+/g, ' ').trim() ?? '';
  const unit = await findUnitPaths(ctx.db, q.unitId);
  if (!unit || !canReadRecord(actor, unit.path, unit.current_path)) throw new AppError('NOT_FOUND', `Unit ${q.unitId} not found`, { what: 'unit', id: q.unitId });
  if (includeNames) {
    if (!(await holdsIdentityOn(ctx, actor, q.unitId))) throw forbiddenIdentity('on the listed unit (unitId) to export names');
    if (reason.length < 5) throw new AppError('VALIDATION_FAILED', 'reason: exporting names needs the reason, written out', [{ path: 'querystring.reason', message: 'required with includeNames', code: 'reason_required' }]);
  }
  const page = await listRecords(ctx, actor, register, { unitId: q.unitId, limit: RELIGIOUS_LIMITS.exportRows + 1, offset: 0 });
  if (page.rows.length > RELIGIOUS_LIMITS.exportRows) throw new AppError('EXPORT_TOO_LARGE', `At most ${RELIGIOUS_LIMITS.exportRows} rows can be exported`, { limit: RELIGIOUS_LIMITS.exportRows });
  if (includeNames) {
    await recordAudit(ctx.db, actor, { action: 'situation.identity.export', recordType: 'unit', recordId: q.unitId, unitId: q.unitId, after: { register, rows: page.rows.length, reason } });
  }
  return { rows: page.rows as repo.RecordOf[PersonalRegister][], includeNames };
}
