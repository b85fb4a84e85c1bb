/**
 * What leaves the server about the registers. A person's name and religious name go out masked
 * ("N*** V*** A***", the petitions' mask) for everyone; the religion or ethnicity attached to the
 * named person only to holders of situation.identity in the record's scope. The clear name leaves
 * only through `presentIdentity`, behind the audited identity route.
 */
import type { Dignitary, PersonIdentity, PrestigiousPerson, ReligiousEvent, ReligiousOrganization, WorshipPlace } from '../../../common/religious-affairs.js';
import type { Actor } from '../../http/access.js';
import { maskName } from '../petitions/petitions.presenter.js';
import type * as repo from './religious-affairs.repository.js';
import { canReadIdentity } from './religious-affairs.service.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const stamp = (r: repo.BaseRecord) => ({ id: r.id, unit: { id: r.unit_id, name: r.unit_name }, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), version: r.version });
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const masked = (s: string | null) => (s ? maskName(s) : null);

export const presentOrganization = (r: repo.OrganizationRecord): ReligiousOrganization => ({
  ...stamp(r),
  name: r.name,
  religionCode: r.religion_code,
  denomination: r.denomination,
  legalStatus: r.legal_status,
  entryIds: r.entry_ids,
});

export const presentPlace = (r: repo.PlaceRecord): WorshipPlace => ({
  ...stamp(r),
  name: r.name,
  organization: ref(r.organization_id, r.organization_name),
  religionCode: r.religion_code,
  address: r.address,
  legalStatus: r.legal_status,
});

export function presentDignitary(actor: Actor, r: repo.DignitaryRecord): Dignitary {
  const identity = canReadIdentity(actor, r);
  return {
    ...stamp(r),
    name: masked(r.name),
    religiousName: masked(r.religious_name),
    religionCode: identity ? r.religion_code : null,
    identityErased: r.identity_erased_at !== null,
    canReadIdentity: identity,
    rank: r.rank,
    organization: ref(r.organization_id, r.organization_name),
    place: ref(r.place_id, r.place_name),
    birthYear: r.birth_year,
    leftOn: r.left_on,
    leftReason: r.left_reason,
    entryIds: r.entry_ids,
  };
}

export function presentPerson(actor: Actor, r: repo.PersonRecord): PrestigiousPerson {
  const identity = canReadIdentity(actor, r);
  return {
    ...stamp(r),
    name: masked(r.name),
    ethnicCode: identity ? r.ethnic_code : null,
    identityErased: r.identity_erased_at !== null,
    canReadIdentity: identity,
    village: r.village,
    recognizedYear: r.recognized_year,
    decision: r.decision,
    decidingUnit: { id: r.deciding_unit_id, name: r.deciding_unit_name },
    support: r.support.map((s) => ({ year: s.year, kind: s.kind, amount: Number(s.amount), note: s.note })),
    leftOn: r.left_on,
    leftReason: r.left_reason,
    entryIds: r.entry_ids,
  };
}

export const presentEvent = (r: repo.EventRecord): ReligiousEvent => ({
  ...stamp(r),
  name: r.name,
  religionCode: r.religion_code,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  place: r.place,
  expectedAttendance: r.expected_attendance,
});

export function presentIdentity(r: repo.DignitaryRecord | repo.PersonRecord): PersonIdentity {
  const d = 'religion_code' in r ? r : null;
  const p = 'ethnic_code' in r ? r : null;
  return {
    name: r.name,
    religiousName: d?.religious_name ?? null,
    religionCode: d?.religion_code ?? null,
    ethnicCode: p?.ethnic_code ?? null,
    erased: r.identity_erased_at !== null,
  };
}
