/**
 * The composed report of a round (GET /api/reporting-rounds/:id/document): read with the same rule
 * as the round page (the opening unit or a unit under it, `unitId`), the narratives only for
 * readers of the opening unit as in the participants list. Bounded: past ROUND_DOCUMENT_MAX_SENT
 * sent reports it is EXPORT_TOO_LARGE, counted before any is read.
 */
import { ROUND_DOCUMENT_MAX_SENT } from '../../../common/round-document.js';
import { todayInVietnam } from '../../../common/units.js';
import type { PartyDocument } from '../../documents/party-document.js';
import { AppError } from '../../errors.js';
import { type Actor, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { buildReport } from '../reports/reports.service.js';
import { issuingBodyOn } from '../units/issuing-bodies/issuing-bodies.service.js';
import * as repo from './reporting-rounds.repository.js';
import { roundSeenFrom } from './reporting-rounds.service.js';
import { roundDocument } from './round-document.js';

export async function roundDocumentOf(ctx: Ctx, actor: Actor, id: string, unitId?: string): Promise<PartyDocument> {
  const { round, unit } = await roundSeenFrom(ctx, actor, id, unitId);
  const readsOpening = can(actor, 'units.read', round.opening_path);
  if (readsOpening) {
    const total = await repo.countSentWork(ctx.db, round.id, unit.path);
    if (total > ROUND_DOCUMENT_MAX_SENT) {
      throw new AppError('EXPORT_TOO_LARGE', `${total} units have sent; one document holds at most ${ROUND_DOCUMENT_MAX_SENT}: ask for the view of a unit under it (unitId)`, { total, max: ROUND_DOCUMENT_MAX_SENT });
    }
  }
  // The heading of the day the document is made (it is dated by hand): the unit's issuing body then.
  const madeOn = todayInVietnam();
  const [template, completeness, figures, sent, unsent, issuing] = await Promise.all([
    repo.findTemplate(ctx.db, round.template_id),
    repo.findCompleteness(ctx.db, round.id, unit.path, madeOn),
    buildReport(ctx, { unitId: unit.id, period: 'custom', from: round.period_from, to: round.period_to }),
    readsOpening ? repo.findSentWork(ctx.db, round.id, unit.path) : Promise.resolve(null),
    repo.findUnsentNames(ctx.db, round.id, unit.path),
    issuingBodyOn(ctx.db, unit.id, madeOn),
  ]);
  return roundDocument({ round, unit, sections: template!.sections, completeness, figures, sent, unsent, issuer: issuing.body, madeOn });
}
