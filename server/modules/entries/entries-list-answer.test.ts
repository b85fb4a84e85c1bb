/**
 * GET /api/entries answered once per data version (issue 13): the ETag moves exactly when an entry
 * where the list looks is written (or a unit it names is renamed), a stale If-None-Match gets the
 * fresh page, a rolled-back write moves nothing, and readers of different scopes never get each
 * other's rows.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EntryPage } from '../../../common/entries.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry } from './entries-list.factories.js';

let t: TestApp;
let admin: string;
let hanoiViewer: string;
let baDinhViewer: string;
const ids = { hanoi: '', baDinh: '', ninhBinh: '' };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  ids.hanoi = (await unitByCode(t.db, 'province', '01')).id;
  ids.baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
  ids.ninhBinh = (await unitByCode(t.db, 'province', '37')).id;
  await buildUser(t.db, { username: 'answer.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'answer.hanoi', grants: [{ unitId: ids.hanoi, role: 'viewer' }] });
  await buildUser(t.db, { username: 'answer.badinh', grants: [{ unitId: ids.baDinh, role: 'viewer' }] });
  admin = await t.login('answer.admin');
  hanoiViewer = await t.login('answer.hanoi');
  baDinhViewer = await t.login('answer.badinh');
  for (let i = 0; i < 3; i++) await buildEntry(t.db, { unitId: ids.baDinh, title: `Mô hình dân vận khéo số ${i}`, status: 'registered' });
  await buildEntry(t.db, { unitId: ids.ninhBinh, title: 'Mô hình ở Ninh Bình', status: 'registered' });
});

type Page = z.infer<typeof EntryPage>;
const list = async (cookie: string, url: string, etag?: string) => {
  const res = await t.call('GET', url, { cookie, headers: etag ? { 'if-none-match': etag } : {} });
  return { status: res.statusCode, etag: res.headers.etag as string, cacheControl: res.headers['cache-control'], body: res.statusCode === 200 ? (res.json() as Page) : undefined, raw: res.body };
};

describe('GET /api/entries and its ETag', () => {
  it('answers 304 to a matching If-None-Match and the same page again from the cache', async () => {
    const url = `/api/entries?unitId=${ids.hanoi}`;
    const first = await list(hanoiViewer, url);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^W\/"[0-9a-z]+-[\w-]+"$/);
    expect(first.cacheControl).toBe('private, no-cache');
    expect(first.body!.total).toBe(3);
    expect((await list(hanoiViewer, url, first.etag)).status).toBe(304);
    const again = await list(hanoiViewer, url);
    expect(again.etag).toBe(first.etag);
    expect(again.raw).toBe(first.raw);
    // The same question written another way (parameters in another order) is the same answer.
    expect((await list(hanoiViewer, `/api/entries?limit=50&unitId=${ids.hanoi}&sort=-updated`, first.etag)).status).toBe(304);
  });

  it('gives a stale If-None-Match the fresh page after an entry is written where the list looks, and not after one written elsewhere', async () => {
    const url = `/api/entries?unitId=${ids.hanoi}`;
    const before = await list(hanoiViewer, url);
    await buildEntry(t.db, { unitId: ids.ninhBinh, title: 'Một mô hình khác ở Ninh Bình' });
    expect((await list(hanoiViewer, url, before.etag)).status).toBe(304);
    const added = await buildEntry(t.db, { unitId: ids.baDinh, title: 'Mô hình mới ở Ba Đình' });
    const fresh = await list(hanoiViewer, url, before.etag);
    expect(fresh.status).toBe(200);
    expect(fresh.etag).not.toBe(before.etag);
    expect(fresh.body!.total).toBe(before.body!.total + 1);
    expect(fresh.body!.items.map((i) => i.id)).toContain(added.id);
    // A status change is a write too.
    await t.db.updateTable('entries').set({ status: 'accepted' }).where('id', '=', added.id).execute();
    const changed = await list(hanoiViewer, url, fresh.etag);
    expect(changed.status).toBe(200);
    expect(changed.body!.items.find((i) => i.id === added.id)?.status).toBe('accepted');
    // The whole country's list moves with any entry.
    const country = await list(admin, '/api/entries');
    await buildEntry(t.db, { unitId: ids.ninhBinh, title: 'Thêm một mô hình ở Ninh Bình' });
    const countryFresh = await list(admin, '/api/entries', country.etag);
    expect(countryFresh.status).toBe(200);
    expect(countryFresh.body!.total).toBe(country.body!.total + 1);
  });

  it('moves with an entry of a retired unit whose records count under the unit listed', async () => {
    const { rows } = await sql<{ id: string; successor: string }>`
      select r.id::text as id, c.id::text as successor from units r join units c on c.path = r.current_path
      join units h on h.id = ${ids.hanoi} where r.valid_to is not null and r.kind = 'commune' and c.path <@ h.path and c.valid_to is null
      order by r.id limit 1`.execute(t.db);
    const retired = rows[0]!;
    const url = `/api/entries?unitId=${retired.successor}`;
    const before = await list(hanoiViewer, url);
    expect(before.status).toBe(200);
    const added = await buildEntry(t.db, { unitId: retired.id, title: 'Mô hình của xã cũ', year: 2023, level: 'commune' });
    const fresh = await list(hanoiViewer, url, before.etag);
    expect(fresh.status).toBe(200);
    expect(fresh.body!.items.map((i) => i.id)).toContain(added.id);
  });

  it('moves nothing for a write that was rolled back', async () => {
    const url = `/api/entries?unitId=${ids.hanoi}`;
    const before = await list(hanoiViewer, url);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await buildEntry(trx, { unitId: ids.baDinh, title: 'Mô hình không thành' });
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect((await list(hanoiViewer, url, before.etag)).status).toBe(304);
  });

  it('gives the renamed unit\'s name after a unit the rows name is renamed', async () => {
    const url = `/api/entries?unitId=${ids.baDinh}`;
    const before = await list(baDinhViewer, url);
    const { name } = await t.db.selectFrom('units').select('name').where('id', '=', ids.baDinh).executeTakeFirstOrThrow();
    try {
      await t.db.updateTable('units').set({ name: `${name} (đổi tên)` }).where('id', '=', ids.baDinh).execute();
      const fresh = await list(baDinhViewer, url, before.etag);
      expect(fresh.status).toBe(200);
      expect(fresh.body!.items[0]!.registeringUnit.name).toBe(`${name} (đổi tên)`);
    } finally {
      await t.db.updateTable('units').set({ name }).where('id', '=', ids.baDinh).execute();
    }
    // A change a list does not show (the row's version) moves nothing.
    const now = await list(baDinhViewer, url);
    await sql`update units set version = version where id = ${ids.baDinh}`.execute(t.db);
    expect((await list(baDinhViewer, url, now.etag)).status).toBe(304);
  });

  it('keeps each reader\'s rows to its scope: the names of ancestors a reader may not read never reach it from the cache', async () => {
    const url = `/api/entries?unitId=${ids.baDinh}`;
    const byAdmin = await list(admin, url);
    expect(byAdmin.body!.items[0]!.unitParents.length).toBeGreaterThan(0);
    const byViewer = await list(baDinhViewer, url);
    expect(byViewer.etag).not.toBe(byAdmin.etag);
    expect(byViewer.body!.items[0]!.unitParents).toEqual([]);
    // Another reader's ETag is not this reader's answer.
    expect((await list(baDinhViewer, url, byAdmin.etag)).status).toBe(200);
  });

  it('gives a reader granted on the country what the system administrator sees (the root taken as everywhere)', async () => {
    const root = await rootUnit(t.db);
    await buildUser(t.db, { username: 'answer.country', grants: [{ unitId: root.id, role: 'viewer' }] });
    const countryViewer = await t.login('answer.country');
    for (const url of ['/api/entries', `/api/entries?unitId=${ids.hanoi}`, '/api/entries?kind=model&sort=year', `/api/entries?q=${encodeURIComponent('dan van kheo')}`]) {
      const [a, v] = [await list(admin, url), await list(countryViewer, url)];
      expect(v.status, url).toBe(200);
      expect(v.body!.total, url).toBe(a.body!.total);
      expect(v.body!.items.map((i) => i.id), url).toEqual(a.body!.items.map((i) => i.id));
      expect(v.body!.facets, url).toEqual(a.body!.facets);
    }
    expect((await list(countryViewer, `/api/entries?q=${encodeURIComponent('dan van kheo')}`)).body!.total).toBeGreaterThan(0);
  });

  it('checks the unit before any 304: a unit outside the reader\'s reach is not found, whatever the ETag', async () => {
    const own = await list(hanoiViewer, `/api/entries?unitId=${ids.ninhBinh}`);
    expect(own.status).toBe(404);
    const adminsAnswer = await list(admin, `/api/entries?unitId=${ids.ninhBinh}`);
    expect((await list(hanoiViewer, `/api/entries?unitId=${ids.ninhBinh}`, adminsAnswer.etag)).status).toBe(404);
    expect((await list(hanoiViewer, `/api/entries?unitId=${ids.ninhBinh}`, '*')).status).toBe(404);
  });
});
