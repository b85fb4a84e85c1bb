/**
 * Records of units retired in 2025 are read where the reports count them (`canReadRecord`,
 * `readableArea`): the single entry and commendation, the lists, the search, the export and the
 * linked entries, for readers of the successor; refused to readers outside both; writes unchanged.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNTED_STATUSES } from '../../common/reports.js';
import { buildCommendation } from '../modules/commendations/commendations.factories.js';
import { buildEntry } from '../modules/entries/entries.factories.js';
import { buildUnit, buildUser } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { findRecordArea } from './record-area.repository.js';

let t: TestApp;
type U = { id: string; path: string; current_id: string; current_path: string };
const unit = async (where: ReturnType<typeof sql>): Promise<U> => {
  const { rows } = await sql<U>`select id, path::text as path, current_id, current_path::text as current_path from units where ${where} order by code limit 1`.execute(t.db);
  if (!rows[0]) throw new Error('no such unit in the official data');
  return rows[0];
};

/** Tuyên Quang (08) took in Hà Giang (02) in 2025: Hà Giang's communes keep their old paths. */
let province: U;
let oldHaGiang: U;
let retiredCommune: U;
let successor: U;
let hanoiCommune: U;
/** A scratch retired commune attributed to `successor`, with an organization attributed to a commune of Hà Nội. */
let mixed: { id: string; path: string };
let mixedChild: { id: string; path: string };
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  province = await unit(sql`kind = 'province' and code = '08' and valid_to is null`);
  oldHaGiang = await unit(sql`kind = 'province' and code = '02' and valid_to is not null`);
  retiredCommune = await unit(sql`kind = 'commune' and attribution = 'whole' and path <@ ${oldHaGiang.path}::ltree`);
  successor = await unit(sql`id = ${retiredCommune.current_id}`);
  const hanoi = await unit(sql`kind = 'province' and code = '01' and valid_to is null`);
  hanoiCommune = await unit(sql`kind = 'commune' and valid_to is null and path <@ ${hanoi.path}::ltree`);
  const oldDistrict = await unit(sql`id = (select parent_id from units where id = ${retiredCommune.id})`);
  mixed = await buildUnit(t.db, { parentId: oldDistrict.id, kind: 'commune', code: 'T9801', name: 'Xã Cũ Thử Nghiệm', validTo: '2025-07-01' });
  mixedChild = await buildUnit(t.db, { parentId: mixed.id, kind: 'womens_union', name: 'Chi hội Phụ nữ thôn Thử', validTo: '2025-07-01' });
  await t.db
    .insertInto('unit_successions')
    .values([
      { predecessor_id: mixed.id, successor_id: successor.id, kind: 'whole', effective: '2025-07-01' },
      { predecessor_id: mixedChild.id, successor_id: hanoiCommune.id, kind: 'whole', effective: '2025-07-01' },
    ])
    .execute();

  const accounts: [string, string, 'viewer' | 'editor'][] = [
    ['province.viewer', province.id, 'viewer'],
    ['successor.viewer', successor.id, 'viewer'],
    ['province.editor', province.id, 'editor'],
    ['hanoi.viewer', hanoiCommune.id, 'viewer'],
  ];
  for (const [username, unitId, role] of accounts) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username] = await t.login(username);
  }
  ids.entry = (await buildEntry(t.db, { unitId: retiredCommune.id, year: 2024, status: 'recognised', title: 'Mô hình dân vận khéo Cao nguyên đá' })).id;
  ids.mixedEntry = (await buildEntry(t.db, { unitId: mixed.id, year: 2024, status: 'recognised', title: 'Mô hình xã cũ thử nghiệm' })).id;
  ids.mixedChildEntry = (await buildEntry(t.db, { unitId: mixedChild.id, year: 2024, status: 'recognised', title: 'Mô hình chi hội thử nghiệm' })).id;
  ids.commendation = (await buildCommendation(t.db, { unitId: retiredCommune.id, reason: 'Thành tích Cao nguyên đá' })).id;
  await t.db.insertInto('commendation_entries').values({ commendation_id: ids.commendation, entry_id: ids.entry }).execute();
});

const get = (who: string, url: string) => t.call('GET', url, { cookie: cookies[who] });
const listed = async (who: string, url: string) => {
  const res = await get(who, url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
};

describe('records of a retired unit, read where they count', () => {
  it('checks the setting: the commune is retired, outside the province by path, inside it by attribution', () => {
    expect(retiredCommune.path.startsWith(`${province.path}.`)).toBe(false);
    expect(retiredCommune.current_path.startsWith(`${province.path}.`)).toBe(true);
  });

  it('answers the single entry to readers of the successor and of its province, 404 outside both', async () => {
    for (const who of ['province.viewer', 'successor.viewer']) expect((await get(who, `/api/entries/${ids.entry}`)).statusCode).toBe(200);
    expect((await get('hanoi.viewer', `/api/entries/${ids.entry}`)).statusCode).toBe(404);
  });

  it('lists the entry in the reader\'s list, under the successor and under the retired unit itself, and finds it by text', async () => {
    expect(await listed('province.viewer', '/api/entries?limit=200')).toContain(ids.entry);
    expect(await listed('province.viewer', `/api/entries?unitId=${province.id}&limit=200`)).toContain(ids.entry);
    expect(await listed('successor.viewer', `/api/entries?unitId=${successor.id}&limit=200`)).toContain(ids.entry);
    expect(await listed('successor.viewer', `/api/entries?unitId=${retiredCommune.id}&limit=200`)).toEqual([ids.entry]);
    expect(await listed('province.viewer', '/api/entries?q=cao%20nguy%C3%AAn&limit=200')).toEqual([ids.entry]);
    expect(await listed('province.viewer', '/api/entries?q=cao%20nguy%C3%AAn&sort=title&limit=200')).toEqual([ids.entry]);
    expect(await listed('hanoi.viewer', '/api/entries?limit=200')).not.toContain(ids.entry);
    expect((await get('hanoi.viewer', `/api/entries?unitId=${retiredCommune.id}`)).statusCode).toBe(404);
  });

  it('counts in the list what the report counts', async () => {
    const report = await get('province.viewer', `/api/reports?unitId=${province.id}&period=year&year=2024`);
    expect(report.statusCode, report.body).toBe(200);
    const list = await get('province.viewer', `/api/entries?unitId=${province.id}&year=2024&status=${COUNTED_STATUSES.join(',')}&limit=200`);
    expect(list.json().total).toBe(report.json().figures.entries.total);
    expect(list.json().total).toBe(2);
  });

  it('exports the entry to readers of the successor only', async () => {
    const mine = await get('province.viewer', '/api/entries/export.csv');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Cao nguyên đá');
    const other = await get('hanoi.viewer', '/api/entries/export.csv');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Cao nguyên đá');
  });

  it('answers and lists the commendation with its linked entry to readers of the successor, 404 outside', async () => {
    const detail = await get('successor.viewer', `/api/commendations/${ids.commendation}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().entries.map((e: { id: string }) => e.id)).toEqual([ids.entry]);
    expect(await listed('province.viewer', '/api/commendations?limit=200')).toContain(ids.commendation);
    expect(await listed('successor.viewer', `/api/commendations?unitId=${successor.id}&limit=200`)).toContain(ids.commendation);
    expect(await listed('successor.viewer', `/api/commendations?unitId=${retiredCommune.id}&limit=200`)).toEqual([ids.commendation]);
    expect((await get('hanoi.viewer', `/api/commendations/${ids.commendation}`)).statusCode).toBe(404);
    expect(await listed('hanoi.viewer', '/api/commendations?limit=200')).not.toContain(ids.commendation);
  });

  it('keeps writes on the record\'s own unit: a successor\'s editor reads the entry but may not change it', async () => {
    const res = await t.call('PATCH', `/api/entries/${ids.entry}`, { cookie: cookies['province.editor'], body: { title: 'Đổi tên', version: 1 } });
    expect(res.statusCode).toBe(403);
    expect((await t.db.selectFrom('entries').select('title').where('id', '=', ids.entry!).executeTakeFirstOrThrow()).title).toBe('Mô hình dân vận khéo Cao nguyên đá');
  });
});

describe('a retired unit whose descendants count in different places', () => {
  it('takes the unit alone, not its subtree: each record goes to the reader of its own successor', async () => {
    const area = await findRecordArea(t.db, [successor.path]);
    expect(area.units).toContain(mixed.path);
    expect(area.subtrees.some((p) => mixedChild.path === p || mixedChild.path.startsWith(`${p}.`))).toBe(false);
    const successorList = await listed('successor.viewer', '/api/entries?limit=200');
    expect(successorList).toEqual(expect.arrayContaining([ids.entry, ids.mixedEntry]));
    expect(successorList).not.toContain(ids.mixedChildEntry);
    expect(await listed('hanoi.viewer', '/api/entries?limit=200')).toEqual([ids.mixedChildEntry]);
    expect((await get('hanoi.viewer', `/api/entries/${ids.mixedChildEntry}`)).statusCode).toBe(200);
    expect((await get('successor.viewer', `/api/entries/${ids.mixedChildEntry}`)).statusCode).toBe(404);
    // The facet counts agree with the page, through the summary, the entries and the search alike.
    const page = (await get('province.viewer', '/api/entries?limit=200')).json();
    expect(page.total).toBe(page.items.length);
    expect(page.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([ids.entry, ids.mixedEntry]));
    expect(page.items.map((i: { id: string }) => i.id)).not.toContain(ids.mixedChildEntry);
    const search = (await get('province.viewer', '/api/entries?q=th%E1%BB%AD%20nghi%E1%BB%87m&limit=200')).json();
    expect(search.items.map((i: { id: string }) => i.id)).toEqual([ids.mixedEntry]);
    expect(search.total).toBe(1);
  });
});
