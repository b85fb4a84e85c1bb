/**
 * What tables and pickers need to name a unit the way officers do ("Phường 5, Quận 3, TP Hồ Chí
 * Minh"; the Tỉnh Ninh Bình of before and after 1 July 2025 told apart): each entry row carries
 * its registering unit's ancestors, and each unit search hit its ancestors one by one with the
 * interval it was in force.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryListItem } from '../../../common/entries.js';
import type { UnitSearchHit } from '../../../common/units.js';
import { buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry } from './entries-list.factories.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.db, { username: 'lu.admin', grants: [{ unitId: (await rootUnit(t.db)).id, role: 'system_admin' }] });
  admin = await t.login('lu.admin');
});

describe('the registering unit of an entry row', () => {
  it("comes with its ancestors below the root, top-down: a ward of 2024 with its district and city", async () => {
    const { rows } = await sql<{ id: string }>`
      select c.id::text from units c join units d on d.id = c.parent_id join units p on p.id = d.parent_id
      where c.name = 'Phường 5' and d.name = 'Quận 3' and p.name = 'Thành phố Hồ Chí Minh'`.execute(t.db);
    expect(rows).toHaveLength(1);
    const entry = await buildEntry(t.db, { unitId: rows[0]!.id, year: 2024, title: 'Tổ dân phố văn minh Phường 5' });
    const page = (await t.call('GET', `/api/entries?unitId=${rows[0]!.id}`, { cookie: admin })).json<{ items: EntryListItem[] }>();
    const row = page.items.find((e) => e.id === entry.id);
    expect(row).toMatchObject({ registeringUnit: { name: 'Phường 5', validTo: '2025-07-01' }, unitParents: ['Thành phố Hồ Chí Minh', 'Quận 3'] });
  });
});

describe('a unit search hit', () => {
  it('tells the two Tỉnh Ninh Bình apart: the same name, no ancestors below the root, different intervals', async () => {
    const res = await t.call('GET', '/api/units/search?q=tinh%20ninh%20binh&includeRetired=true&limit=20', { cookie: admin });
    const provinces = res.json<{ items: UnitSearchHit[] }>().items.filter((h) => h.name === 'Tỉnh Ninh Bình');
    expect(provinces).toHaveLength(2);
    expect(provinces.map((p) => p.parentNames)).toEqual([[], []]);
    expect(provinces.map((p) => [p.validFrom, p.validTo])).toEqual(
      expect.arrayContaining([
        ['2025-07-01', null],
        [null, '2025-07-01'],
      ]),
    );
  });

  it('lists the ancestors one by one as pathNames joins them', async () => {
    const res = await t.call('GET', '/api/units/search?q=phuong%20hoa%20lu&limit=20', { cookie: admin });
    const hit = res.json<{ items: UnitSearchHit[] }>().items.find((h) => h.name === 'Phường Hoa Lư');
    expect(hit).toMatchObject({ parentNames: ['Tỉnh Ninh Bình'], pathNames: 'Tỉnh Ninh Bình' });
  });
});
