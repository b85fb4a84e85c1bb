/**
 * Access-matrix probes of the registers of ethnic and religious affairs: one per route. A
 * location's data is a record of the location's unit, with the location's marker in a field
 * everyone sees (a person's name is masked, so the marker goes to the rank or village).
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildDignitary, buildOrganization, buildPerson, buildPlace, buildReligiousEvent } from './religious-affairs.factories.js';

const BASE = '/api/religious-affairs';
const unitOf = (c: ProbeContext, loc: Location) => c.units[loc].id;

const AT = {
  organizations: (c: ProbeContext, loc: Location) => buildOrganization(c.t.db, { unitId: unitOf(c, loc), name: `Ban Trị sự ${c.marker(loc)} ${c.next()}` }),
  places: (c: ProbeContext, loc: Location) => buildPlace(c.t.db, { unitId: unitOf(c, loc), name: `Chùa ${c.marker(loc)} ${c.next()}` }),
  dignitaries: (c: ProbeContext, loc: Location) => buildDignitary(c.t.db, { unitId: unitOf(c, loc), rank: `Đại đức ${c.marker(loc)}` }),
  persons: (c: ProbeContext, loc: Location) => buildPerson(c.t.db, { unitId: unitOf(c, loc), village: `Bản ${c.marker(loc)}` }),
  events: (c: ProbeContext, loc: Location) => buildReligiousEvent(c.t.db, { unitId: unitOf(c, loc), name: `Lễ hội ${c.marker(loc)}` }),
};

const BODIES: Record<keyof typeof AT, (c: ProbeContext, loc: Location) => Record<string, unknown>> = {
  organizations: (c, loc) => ({ unitId: unitOf(c, loc), name: `Giáo xứ ${c.marker(loc)}`, religionCode: 'catholicism', legalStatus: 'recognized' }),
  places: (c, loc) => ({ unitId: unitOf(c, loc), name: `Nhà thờ ${c.marker(loc)}`, religionCode: 'catholicism', address: 'Thôn Trung', legalStatus: 'registered' }),
  dignitaries: (c, loc) => ({ unitId: unitOf(c, loc), name: 'Phạm Văn Hòa', religionCode: 'catholicism', rank: `Linh mục ${c.marker(loc)}` }),
  persons: (c, loc) => ({ unitId: unitOf(c, loc), name: 'Bùi Văn Lâm', ethnicCode: '06', village: `Xóm ${c.marker(loc)}`, recognizedYear: 2024, decision: 'Quyết định số 20/QĐ-UBND', decidingUnitId: unitOf(c, loc) }),
  events: (c, loc) => ({ unitId: unitOf(c, loc), name: `Lễ Giáng sinh ${c.marker(loc)}`, startsOn: '2026-12-24', endsOn: '2026-12-25', place: 'Nhà thờ xứ' }),
};

const PATCHES: Record<keyof typeof AT, (c: ProbeContext, loc: Location) => Record<string, unknown>> = {
  organizations: (c, loc) => ({ denomination: `Hệ phái ${c.marker(loc)}`, version: 1 }),
  places: (c, loc) => ({ address: `Thôn ${c.marker(loc)}`, version: 1 }),
  dignitaries: (c, loc) => ({ rank: `Thượng tọa ${c.marker(loc)}`, version: 1 }),
  persons: (c, loc) => ({ village: `Bản ${c.marker(loc)} mới`, version: 1 }),
  events: (c, loc) => ({ place: `Sân ${c.marker(loc)}`, version: 1 }),
};

function registerProbes(register: keyof typeof AT): Record<string, Probe> {
  const url = `${BASE}/${register}`;
  return {
    [`GET ${url}`]: {
      list: true,
      request: async (c, loc) => {
        await AT[register](c, loc);
        return { method: 'GET', url: `${url}?unitId=${unitOf(c, loc)}&limit=200` };
      },
    },
    [`GET ${url}/:id`]: { request: async (c, loc) => ({ method: 'GET', url: `${url}/${(await AT[register](c, loc)).id}` }) },
    [`POST ${url}`]: { request: async (c, loc) => ({ method: 'POST', url, body: BODIES[register](c, loc) }) },
    [`PATCH ${url}/:id`]: { request: async (c, loc) => ({ method: 'PATCH', url: `${url}/${(await AT[register](c, loc)).id}`, body: PATCHES[register](c, loc) }) },
  };
}

export const religiousAffairsProbes: Record<string, Probe> = {
  [`GET ${BASE}/catalogues`]: { self: true, request: async () => ({ method: 'GET', url: `${BASE}/catalogues` }) },
  ...registerProbes('organizations'),
  ...registerProbes('places'),
  ...registerProbes('dignitaries'),
  ...registerProbes('persons'),
  ...registerProbes('events'),
  [`GET ${BASE}/dignitaries/:id/identity`]: { request: async (c, loc) => ({ method: 'GET', url: `${BASE}/dignitaries/${(await AT.dignitaries(c, loc)).id}/identity` }) },
  [`GET ${BASE}/persons/:id/identity`]: { request: async (c, loc) => ({ method: 'GET', url: `${BASE}/persons/${(await AT.persons(c, loc)).id}/identity` }) },
  [`GET ${BASE}/dignitaries/export.xlsx`]: {
    list: true,
    request: async (c, loc) => {
      await AT.dignitaries(c, loc);
      return { method: 'GET', url: `${BASE}/dignitaries/export.xlsx?unitId=${unitOf(c, loc)}` };
    },
  },
  [`GET ${BASE}/persons/export.xlsx`]: {
    list: true,
    request: async (c, loc) => {
      await AT.persons(c, loc);
      return { method: 'GET', url: `${BASE}/persons/export.xlsx?unitId=${unitOf(c, loc)}` };
    },
  },
  [`GET ${BASE}/figures`]: { request: async (c, loc) => ({ method: 'GET', url: `${BASE}/figures?unitId=${unitOf(c, loc)}&year=2026` }) },
  [`GET ${BASE}/figures.xlsx`]: { request: async (c, loc) => ({ method: 'GET', url: `${BASE}/figures.xlsx?unitId=${unitOf(c, loc)}&year=2026` }) },
  [`GET ${BASE}/retention`]: { self: true, request: async () => ({ method: 'GET', url: `${BASE}/retention` }) },
  [`PUT ${BASE}/retention`]: {
    self: true,
    request: async (c) => {
      const row = await c.t.db.selectFrom('sensitive_retention').select(['version', 'years']).where('register', '=', 'dignitary').executeTakeFirstOrThrow();
      return { method: 'PUT', url: `${BASE}/retention`, body: { register: 'dignitary', years: row.years === 5 ? 6 : 5, version: row.version } };
    },
  },
};
