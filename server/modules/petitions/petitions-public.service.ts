/**
 * The citizen's side, without an account: submit a recommendation to a commune or province, and
 * look a petition up by its tracking code and secret. A wrong secret and an unknown code get the
 * same answer after the same work (the hash is computed and compared either way), so the answer
 * says nothing about whether the code exists.
 */
import { type LookupBody, PETITION_LIMITS, type PortalInfo, PRIVACY_NOTICE_VERSION, type PublicIntakeBody, type PublicStatus, type Receipt } from '../../../common/petitions.js';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { findUnitById } from '../units/units.repository.js';
import * as repo from './petitions.repository.js';
import { checkCommon, createPetition, invalid } from './petitions.service.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { normaliseCode, secretMatches } from './tracking-code.js';

/** Administrative units a citizen may address: provinces and communes in force. */
const ADDRESSABLE = ['province', 'commune'];

/** The one answer to every failed lookup. */
const notFound = () => new AppError('NOT_FOUND', 'No petition matches this code and secret', { what: 'petition' });
// The hash of an arbitrary secret, compared against when the code is unknown.
const DUMMY_HASH = '0'.repeat(64);

/** Who the audit trail names for a public submission: nobody signed in, from this address. */
export const publicActor = (ip: string | null, requestId: string | null): Actor => ({ userId: null, username: 'public', grants: [], ip, requestId });

/**
 * The consent the public page asks for: given, to the notice in force. A page opened before the
 * notice changed sends the old version, and the citizen is asked to read the new one (reload).
 */
function checkConsent(consent: PublicIntakeBody['consent']): string {
  if (!consent?.accepted) {
    throw new AppError('CONSENT_REQUIRED', 'Consent to the data-protection notice is required; nothing was recorded', { noticeVersion: PRIVACY_NOTICE_VERSION });
  }
  if (consent.noticeVersion !== PRIVACY_NOTICE_VERSION) {
    throw new AppError('CONSENT_REQUIRED', `Consent was given to notice ${consent.noticeVersion}; the notice in force is ${PRIVACY_NOTICE_VERSION}; nothing was recorded`, {
      noticeVersion: PRIVACY_NOTICE_VERSION,
      given: consent.noticeVersion,
    });
  }
  return consent.noticeVersion;
}

export async function submitPublic(ctx: Ctx, actor: Actor, input: PublicIntakeBody): Promise<Receipt> {
  const consentNoticeVersion = checkConsent(input.consent);
  const issues: { path: string; message: string; code?: string }[] = [];
  const unit = await findUnitById(ctx.db, input.unitId);
  if (!unit || unit.retired || !ADDRESSABLE.includes(unit.kind)) issues.push({ path: 'body.unitId', message: 'must be a province or commune in force' });
  await checkCommon(ctx.db, { ...input, kind: 'recommendation' }, issues);
  if (issues.length) throw invalid(issues);
  return createPetition(ctx, actor, {
    ...input,
    kind: 'recommendation',
    channel: 'online',
    unit: unit!,
    concernedUnitId: null,
    receivedOn: todayInVietnam(),
    maxAttachmentBytes: PETITION_LIMITS.publicAttachmentBytes,
    consentNoticeVersion,
  });
}

export async function lookupPublic(ctx: Ctx, input: z.infer<typeof LookupBody>): Promise<PublicStatus> {
  const row = await repo.findByTrackingCode(ctx.db, normaliseCode(input.code));
  const matches = secretMatches(input.secret, row?.secret_hash ?? DUMMY_HASH);
  if (!row || !matches) throw notFound();
  return { code: row.tracking_code, status: row.status, receivedOn: row.received_on, dueOn: row.due_on, closedOn: row.closed_on, publicReply: row.public_reply };
}

/** The categories, and provinces or the communes of a province, for the public form's choice of addressee. */
export async function publicForm(ctx: Ctx, parentId?: string) {
  const [categories, units] = await Promise.all([repo.findCategories(ctx.db), repo.findAddressableUnits(ctx.db, parentId)]);
  return { categories: categories.map((c) => ({ code: c.code, names: c.names, sortOrder: c.sort_order })), units };
}

/**
 * What the public page tells citizens besides its form: the agency behind it (configuration), the
 * notice in force and the retention rule the erasure job applies, and the statutory time limits
 * (data: petition_time_limits), so the page's plain words follow the law's current numbers.
 */
export async function portalInfo(ctx: Ctx): Promise<PortalInfo> {
  const limits = await repo.findTimeLimits(ctx.db);
  const { agency, publicOrigin } = ctx.config;
  return {
    agency: { name: agency.name ?? null, address: agency.address ?? null, hotline: agency.hotline ?? null, email: agency.email ?? null },
    publicUrl: publicOrigin ? `${publicOrigin}/petition` : null,
    noticeVersion: PRIVACY_NOTICE_VERSION,
    retentionYears: PETITION_LIMITS.retentionYears,
    timeLimits: limits.map((l) => ({ kind: l.kind, days: l.days, basis: l.basis, maxExtensionDays: l.max_extension_days, source: l.source })),
  };
}
