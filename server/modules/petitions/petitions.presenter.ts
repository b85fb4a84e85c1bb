/**
 * What leaves the server about petitions. The submitter's identity never appears in lists or
 * details: only initials and the last two characters of the contact, so officers can tell cases
 * apart. The full identity goes out only through `presentIdentity`, behind petitions.identity.
 */
import { OPEN_PETITION_STATUSES, type DueState, type PetitionDetail, type PetitionStatus, type PetitionSummary } from '../../../common/petitions.js';
import type { findAttachments, findTransitions, ListRecord, PetitionRecord } from './petitions.repository.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** "Nguyễn Văn An" → "N*** V*** A***". */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}***`)
    .join(' ');
}

/** "0912345678" → "********78"; short values are hidden whole. */
export function maskContact(contact: string): string {
  const chars = [...contact];
  return chars.length <= 4 ? '****' : `${'*'.repeat(chars.length - 2)}${chars.slice(-2).join('')}`;
}

export type DueWindow = { today: string; soonLimit: string };

export function dueState(p: { status: PetitionStatus; due_on: string; closed_on: string | null }, w: DueWindow): DueState {
  if (!(OPEN_PETITION_STATUSES as readonly string[]).includes(p.status)) return p.closed_on && p.closed_on > p.due_on ? 'closed_late' : 'closed_on_time';
  if (p.due_on < w.today) return 'overdue';
  return p.due_on <= w.soonLimit ? 'due_soon' : 'on_track';
}

function maskedSubmitter(p: Pick<ListRecord, 'anonymous' | 'submitter_name' | 'submitter_contact' | 'identity_erased_at'>) {
  return {
    anonymous: p.anonymous,
    name: p.submitter_name ? maskName(p.submitter_name) : null,
    contact: p.submitter_contact ? maskContact(p.submitter_contact) : null,
    erased: p.identity_erased_at !== null,
  };
}

/** `viewUnitId`: the unit whose queue is listed; rows handled below it are escalated. */
export function presentSummary(p: ListRecord, w: DueWindow, viewUnitId?: string): PetitionSummary {
  const state = dueState(p, w);
  return {
    id: p.id,
    number: `${p.number}/${p.year}`,
    unit: { id: p.unit_id, name: p.unit_name },
    handlingUnit: { id: p.handling_unit_id, name: p.handling_unit_name },
    kind: p.kind,
    channel: p.channel,
    categoryCode: p.category_code,
    title: p.title,
    status: p.status,
    receivedOn: p.received_on,
    dueOn: p.due_on,
    closedOn: p.closed_on,
    dueState: state,
    escalated: viewUnitId !== undefined && p.handling_unit_id !== viewUnitId && state === 'overdue',
    submitter: maskedSubmitter(p),
    version: p.version,
  };
}

type DetailBundle = {
  petition: PetitionRecord;
  transitions: Awaited<ReturnType<typeof findTransitions>>;
  attachments: Awaited<ReturnType<typeof findAttachments>>;
  limit: { days: number; basis: 'working' | 'calendar'; max_extension_days: number; source: string };
  window: DueWindow;
  actions: PetitionDetail['actions'];
  canReadIdentity: boolean;
};

export function presentDetail(b: DetailBundle): PetitionDetail {
  const p = b.petition;
  return {
    ...presentSummary({ ...p, handling_unit_name: p.handling_unit_name }, b.window),
    concernedUnit: p.concerned_unit_id ? { id: p.concerned_unit_id, name: p.concerned_unit_name ?? '' } : null,
    content: p.content,
    extendedDays: p.extended_days,
    result: p.result,
    publicReply: p.public_reply,
    trackingCode: p.tracking_code,
    timeLimit: { days: b.limit.days, basis: b.limit.basis, maxExtensionDays: b.limit.max_extension_days, source: b.limit.source },
    transitions: b.transitions.map((t) => ({
      action: t.action,
      fromStatus: t.from_status,
      toStatus: t.to_status,
      fromUnit: t.from_unit_id ? { id: t.from_unit_id, name: t.from_unit_name ?? '' } : null,
      toUnit: t.to_unit_id ? { id: t.to_unit_id, name: t.to_unit_name ?? '' } : null,
      reason: t.reason,
      actorName: t.actor_name,
      at: iso(t.at),
    })),
    attachments: b.attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes, sha256: a.sha256, uploadedAt: iso(a.uploaded_at) })),
    actions: b.actions,
    canReadIdentity: b.canReadIdentity,
  };
}

export function presentIdentity(p: PetitionRecord) {
  return {
    anonymous: p.anonymous,
    erased: p.identity_erased_at !== null,
    name: p.submitter_name,
    contact: p.submitter_contact,
    idNumber: p.submitter_id_number,
    address: p.submitter_address,
  };
}
