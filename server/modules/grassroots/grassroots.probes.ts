/**
 * Access-matrix probes of slice D (publications and citizens' decisions): one per route. A
 * location's records carry its marker in the document's title or the village.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildUnit } from '../../test/factories.js';
import { multipartFile } from '../entries/entries.factories.js';
import { buildDecision, buildPublication, buildPublicationFile } from './grassroots.factories.js';

const BASE = '/api/grassroots';
const unitOf = (c: ProbeContext, loc: Location) => c.units[loc].id;
const publicationAt = (c: ProbeContext, loc: Location, publicState: 'private' | 'pending' = 'private') =>
  buildPublication(c.t.db, { unitId: unitOf(c, loc), documentTitle: `Dự toán ${c.marker(loc)} ${c.next()}`, publicState });
const decisionAt = (c: ProbeContext, loc: Location, publicState: 'private' | 'pending' = 'private') =>
  buildDecision(c.t.db, { unitId: unitOf(c, loc), village: `Thôn ${c.marker(loc)} ${c.next()}`, publicState });

const listProbe = (path: string, build: (c: ProbeContext, loc: Location) => Promise<unknown>): Probe => ({
  list: true,
  request: async (c, loc) => {
    await build(c, loc);
    return { method: 'GET', url: `${BASE}/${path}?unitId=${unitOf(c, loc)}&year=2026` };
  },
});

/**
 * The items are listed for a commune only: the province's location is a second commune of the
 * province (outside a commune actor's scope, as the province's data is).
 */
const communes = new Map<string, { id: string }>();
async function communeAt(c: ProbeContext, loc: Location) {
  if (loc !== 'province') return c.units[loc];
  const key = c.units.province.id;
  if (!communes.has(key)) communes.set(key, await buildUnit(c.t.db, { parentId: key, kind: 'commune', name: `Xã ${c.marker(loc)} ${c.next()}` }));
  return communes.get(key)!;
}

export const grassrootsProbes: Record<string, Probe> = {
  [`GET ${BASE}/catalogues`]: { self: true, request: async () => ({ method: 'GET', url: `${BASE}/catalogues` }) },
  [`GET ${BASE}/items`]: {
    list: true,
    request: async (c, loc) => {
      const commune = await communeAt(c, loc);
      await buildPublication(c.t.db, { unitId: commune.id, documentTitle: `Dự toán ${c.marker(loc)} ${c.next()}`, publishedOn: '2026-03-10' });
      return { method: 'GET', url: `${BASE}/items?unitId=${commune.id}&year=2026` };
    },
  },
  [`GET ${BASE}/publications`]: listProbe('publications', publicationAt),
  [`GET ${BASE}/decisions`]: listProbe('decisions', decisionAt),
  [`GET ${BASE}/figures`]: listProbe('figures', publicationAt),
  [`GET ${BASE}/pending`]: {
    list: true,
    request: async (c, loc) => {
      await publicationAt(c, loc, 'pending');
      await decisionAt(c, loc, 'pending');
      return { method: 'GET', url: `${BASE}/pending?unitId=${unitOf(c, loc)}` };
    },
  },
  [`POST ${BASE}/publications`]: {
    request: async (c, loc) => ({
      method: 'POST',
      url: `${BASE}/publications`,
      body: { unitId: unitOf(c, loc), itemCode: 'budget', documentTitle: `Dự toán ${c.marker(loc)}`, documentDate: '2026-01-05', forms: ['notice_board'], publishedOn: '2026-01-08' },
    }),
  },
  [`PATCH ${BASE}/publications/:id`]: {
    request: async (c, loc) => ({ method: 'PATCH', url: `${BASE}/publications/${(await publicationAt(c, loc)).id}`, body: { documentTitle: `Quyết toán ${c.marker(loc)}`, version: 1 } }),
  },
  [`POST ${BASE}/publications/:id/review`]: {
    request: async (c, loc) => ({ method: 'POST', url: `${BASE}/publications/${(await publicationAt(c, loc, 'pending')).id}/review`, body: { approve: true, version: 1 } }),
  },
  [`POST ${BASE}/decisions`]: {
    request: async (c, loc) => ({
      method: 'POST',
      url: `${BASE}/decisions`,
      body: { unitId: unitOf(c, loc), village: `Thôn ${c.marker(loc)}`, matterCode: 'community_funds', subject: 'Quỹ khuyến học thôn', method: 'meeting', decidedOn: '2026-02-01', eligibleHouseholds: 120, householdsTakingPart: 90, inFavour: 80, against: 5 },
    }),
  },
  [`PATCH ${BASE}/decisions/:id`]: {
    request: async (c, loc) => ({ method: 'PATCH', url: `${BASE}/decisions/${(await decisionAt(c, loc)).id}`, body: { village: `Xóm ${c.marker(loc)}`, version: 1 } }),
  },
  [`POST ${BASE}/decisions/:id/review`]: {
    request: async (c, loc) => ({ method: 'POST', url: `${BASE}/decisions/${(await decisionAt(c, loc, 'pending')).id}/review`, body: { approve: true, version: 1 } }),
  },
  [`POST ${BASE}/publications/:id/files`]: {
    request: async (c, loc) => {
      const { payload, headers } = multipartFile(`bang-tin-${c.marker(loc)}.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 1)]), 'application/pdf');
      return { method: 'POST', url: `${BASE}/publications/${(await publicationAt(c, loc)).id}/files`, payload, headers };
    },
  },
  [`GET ${BASE}/publication-files/:id`]: {
    request: async (c, loc) => ({ method: 'GET', url: `${BASE}/publication-files/${(await buildPublicationFile(c.t.db, (await publicationAt(c, loc)).id)).id}` }),
  },
  [`DELETE ${BASE}/publication-files/:id`]: {
    request: async (c, loc) => ({ method: 'DELETE', url: `${BASE}/publication-files/${(await buildPublicationFile(c.t.db, (await publicationAt(c, loc)).id)).id}` }),
  },
};
