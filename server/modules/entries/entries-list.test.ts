import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, type EntryPage, type EntryStatus, type Facet, FACETS, STATUS_ORDER } from '../../../common/entries.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry, periodOf } from './entries-list.factories.js';

let t: TestApp;
let admin: string;
let hanoiViewer: string;
let baDinhViewer: string;
let ids: { root: string; hanoi: string; ninhBinh: string; baDinh: string; ngocHa: string; org: string; nbCommune: string };

/** What the test knows of each entry it made, to compute the expected answers by brute force. */
type Known = {
  id: string;
  path: string;
  title: string;
  description: string | null;
  year: number;
  periodId: string | null;
  field: string;
  kind: string;
  form: string;
  level: string;
  status: string;
  typical: boolean;
  replicated: boolean;
  updatedAt: number;
};
let known: Known[] = [];
const paths: Record<string, string> = {};

const FIELDS = ['economic', 'cultural_social', 'defense_security', 'party_building'];
const STATUSES: EntryStatus[] = ['draft', 'registered', 'accepted', 'implementing', 'evaluated', 'recognised', 'withdrawn'];

async function remember(): Promise<void> {
  const rows = await t.db.selectFrom('entries').selectAll().orderBy('id').execute();
  known = rows.map((r) => ({
    id: r.id,
    path: r.unit_path,
    title: r.title,
    description: r.description,
    year: r.year,
    periodId: r.period_id,
    field: r.field_code,
    kind: r.kind,
    form: r.form,
    level: r.level,
    status: r.status,
    typical: r.recognised_typical,
    replicated: r.replication_count > 0,
    updatedAt: new Date(r.updated_at).getTime(),
  }));
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  const nbCommune = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).executeTakeFirstOrThrow();
  const org = await buildUnit(t.db, { parentId: baDinh.id, name: 'Hội Phụ nữ phường Ba Đình', kind: 'womens_union' });
  ids = { root: root.id, hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ngocHa: ngocHa.id, org: org.id, nbCommune: nbCommune.id };
  for (const u of await t.db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('id', 'in', Object.values(ids)).execute()) paths[u.id] = u.path;

  await buildUser(t.db, { username: 'sys.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'hanoi.viewer', grants: [{ unitId: hanoi.id, role: 'viewer' }] });
  await buildUser(t.db, { username: 'badinh.viewer', grants: [{ unitId: baDinh.id, role: 'viewer' }] });
  admin = await t.login('sys.admin');
  hanoiViewer = await t.login('hanoi.viewer');
  baDinhViewer = await t.login('badinh.viewer');

  // A varied, deterministic set: every filter has something to keep and something to drop.
  const units = [ids.hanoi, ids.baDinh, ids.ngocHa, ids.org, ids.ninhBinh, ids.nbCommune];
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 72; i++) {
    const year = 2021 + (i % 6);
    const status = STATUSES[(i * 5) % STATUSES.length] as EntryStatus;
    await buildEntry(t.db, {
      unitId: units[i % units.length] as string,
      title: `Mô hình số ${i} ${['Dân vận khéo', 'Đoàn kết', 'Ủng hộ', 'Xây dựng nông thôn mới'][i % 4]}`,
      description: i % 3 === 0 ? 'Vận động nhân dân hiến đất làm đường' : null,
      year,
      periodId: i % 7 === 0 ? null : await periodOf(t.db, year),
      fieldCode: FIELDS[(i * 7) % 4],
      kind: i % 3 === 0 ? 'typical_example' : 'model',
      form: i % 5 === 0 ? 'individual' : 'collective',
      status,
      recognisedTypical: status === 'recognised' && i % 2 === 0,
      replicationCount: i % 4 === 0 ? 2 : 0,
      updatedAt: new Date(base + ((i * 37) % 72) * 60_000),
    });
  }
  await remember();
});

const get = async (cookie: string, url: string) => {
  const res = await t.call('GET', url, { cookie });
  return { status: res.statusCode, body: res.json() as z.infer<typeof EntryPage> & { error?: { code: string } } };
};

type Filter = Partial<Record<Facet, string[]>> & { under?: string[]; q?: string };

const FACET_OF: Record<Facet, (e: Known) => string | null> = {
  year: (e) => String(e.year),
  periodId: (e) => e.periodId,
  field: (e) => e.field,
  kind: (e) => e.kind,
  form: (e) => e.form,
  level: (e) => e.level,
  status: (e) => e.status,
  typical: (e) => String(e.typical),
  replicated: (e) => String(e.replicated),
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

function passes(e: Known, f: Filter, except?: Facet): boolean {
  if (f.under && !f.under.some((p) => e.path === p || e.path.startsWith(`${p}.`))) return false;
  if (f.q) {
    // Whole words (docs/entries-list.md).
    const wordsOf = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
    const text = wordsOf(`${e.title} ${e.description ?? ''}`);
    const words = wordsOf(f.q);
    if (!words.length || !words.every((w) => text.includes(w))) return false;
  }
  return FACETS.every((k) => k === except || !f[k] || f[k].includes(FACET_OF[k](e) ?? ''));
}

/** Values of a fixed vocabulary in its order (the workflow's, province → commune), the rest by code, numbers by value. */
const VOCABULARY: Partial<Record<Facet, readonly string[]>> = { status: STATUS_ORDER, level: ENTRY_LEVELS, kind: ENTRY_KINDS, form: ENTRY_FORMS };
function inFacetOrder(k: Facet) {
  const rank = (v: string) => VOCABULARY[k]?.indexOf(v) ?? -1;
  return (a: { value: string }, b: { value: string }) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value, 'en', { numeric: true });
}

function expected(f: Filter) {
  const rows = known.filter((e) => passes(e, f));
  const facets = Object.fromEntries(
    FACETS.map((k) => {
      const counts = new Map<string, number>();
      for (const e of known) {
        const v = FACET_OF[k](e);
        if (v !== null && passes(e, f, k)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return [k, [...counts].map(([value, count]) => ({ value, count })).sort(inFacetOrder(k))];
    }),
  );
  const ids = rows.sort((a, b) => b.updatedAt - a.updatedAt || Number(b.id) - Number(a.id)).map((e) => e.id);
  return { ids, total: rows.length, facets };
}

function urlOf(f: Filter & { unitId?: string }): string {
  const params = new URLSearchParams({ limit: '200' });
  if (f.unitId) params.set('unitId', f.unitId);
  if (f.q) params.set('q', f.q);
  for (const k of FACETS) if (f[k]) params.set(k === 'field' ? 'field' : k, f[k].join(','));
  return `/api/entries?${params}`;
}

async function check(cookie: string, f: Filter & { unitId?: string }) {
  const res = await get(cookie, urlOf(f));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const want = expected(f);
  expect(res.body.items.map((i) => i.id)).toEqual(want.ids);
  expect(res.body.total).toBe(want.total);
  expect(res.body.facets).toEqual(want.facets);
  return res.body;
}

describe('GET /api/entries: filters and facets', () => {
  it('lists everything for a system admin, newest first, with every facet', async () => {
    const body = await check(admin, {});
    expect(body.total).toBe(72);
    const first = body.items[0];
    expect(first?.registeringUnit.name).toBeTruthy();
    expect(Object.keys(body.facets).sort()).toEqual([...FACETS].sort());
  });

  it('applies each filter, and counts each facet without its own filter', async () => {
    const period = known.find((e) => e.periodId)?.periodId as string;
    const filters: (Filter & { unitId?: string })[] = [
      { year: ['2023'] },
      { year: ['2021', '2026'] },
      { periodId: [period] },
      { field: ['economic'] },
      { field: ['party_building', 'defense_security'] },
      { kind: ['typical_example'] },
      { form: ['individual'] },
      { level: ['commune'] },
      { status: ['recognised', 'withdrawn'] },
      { typical: ['true'] },
      { typical: ['false'] },
      { replicated: ['true'] },
      { replicated: ['false'] },
      { year: ['2024'], status: ['draft', 'accepted'], field: ['economic', 'cultural_social'] },
      { year: ['2022'], kind: ['model'], replicated: ['false'], form: ['collective'] },
    ];
    for (const f of filters) {
      await check(admin, f).catch((err: unknown) => {
        throw new Error(`${urlOf(f)}: ${String(err)}`);
      });
    }
  });

  it('narrows to a unit subtree: the province summary, a commune and an organization under it', async () => {
    await check(admin, { unitId: ids.hanoi, under: [paths[ids.hanoi] as string] });
    await check(admin, { unitId: ids.hanoi, under: [paths[ids.hanoi] as string], year: ['2025'], status: ['accepted'] });
    await check(admin, { unitId: ids.baDinh, under: [paths[ids.baDinh] as string] });
    await check(admin, { unitId: ids.baDinh, under: [paths[ids.baDinh] as string], kind: ['model'] });
    await check(admin, { unitId: ids.org, under: [paths[ids.org] as string] });
    await check(admin, { unitId: ids.root, under: [paths[ids.root] as string], field: ['economic'] });
  });

  it('finds words without diacritics or case in the title and description', async () => {
    const body = await check(admin, { q: 'dan van kheo' });
    expect(body.total).toBe(18);
    expect(body.items.every((i) => i.title.includes('Dân vận khéo'))).toBe(true);
    await check(admin, { q: 'HIEN DAT' });
    // Whole words: a piece of a word finds nothing.
    expect((await check(admin, { q: 'dan van kh' })).total).toBe(0);
    expect((await check(admin, { q: 'da van kheo' })).total).toBe(0);
    await check(admin, { q: 'so 1 kheo' });
    await check(admin, { q: 'số 7' });
    await check(admin, { q: 'ủng', year: ['2021', '2022'] });
    await check(admin, { q: 'doan ket', unitId: ids.hanoi, under: [paths[ids.hanoi] as string] });
    expect((await get(admin, '/api/entries?q=khong%20co%20dau')).body.total).toBe(0);
    // Only letters and digits make words: punctuation and query syntax match nothing by themselves.
    expect((await get(admin, '/api/entries?q=%25%25')).body.total).toBe(0);
    expect((await check(admin, { q: "dan ' & !van:* kheo" })).total).toBe(18);
  });

  it('sorts and pages text search results like any list, with facet filters', async () => {
    // A text search reads its matches once for the page and the counts (not when sorted by title).
    const f: Filter = { q: 'dan van', year: ['2024', '2025'] };
    const all = expected(f);
    expect(all.total).toBeGreaterThan(10);
    const byId = new Map(known.map((e) => [e.id, e]));
    const matching = all.ids.map((id) => byId.get(id) as Known);
    const q = 'q=dan%20van&year=2024,2025';
    const byYear = [...matching].sort((a, b) => a.year - b.year || Number(a.id) - Number(b.id)).map((e) => e.id);
    expect((await get(admin, `/api/entries?${q}&sort=year&limit=200`)).body.items.map((i) => i.id)).toEqual(byYear);
    expect((await get(admin, `/api/entries?${q}&sort=-year&limit=200`)).body.items.map((i) => i.id)).toEqual([...byYear].reverse());
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 4) {
      const page = await get(admin, `/api/entries?${q}&limit=4&offset=${offset}`);
      expect(page.body.total).toBe(all.total);
      expect(page.body.facets).toEqual(all.facets);
      seen.push(...page.body.items.map((i) => i.id));
    }
    expect(seen).toEqual(all.ids);
    const byTitle = await get(admin, `/api/entries?${q}&sort=title&limit=200`);
    expect(new Set(byTitle.body.items.map((i) => i.id))).toEqual(new Set(all.ids));
    expect(byTitle.body.facets).toEqual(all.facets);
  });
});

describe('GET /api/entries: scope', () => {
  it('shows a commune viewer only its commune (with the organizations under it)', async () => {
    const body = await check(baDinhViewer, { under: [paths[ids.baDinh] as string] });
    expect(body.total).toBeGreaterThan(0);
    await check(baDinhViewer, { unitId: ids.org, under: [paths[ids.org] as string] });
    await check(baDinhViewer, { under: [paths[ids.baDinh] as string], q: 'mo hinh', status: ['draft'] });
  });

  it('shows a province viewer its province through the summary', async () => {
    await check(hanoiViewer, { under: [paths[ids.hanoi] as string] });
    await check(hanoiViewer, { under: [paths[ids.hanoi] as string], year: ['2023'], level: ['province'] });
    await check(hanoiViewer, { unitId: ids.ngocHa, under: [paths[ids.ngocHa] as string] });
  });

  it('adds up several scopes: a province from the summary and a commune elsewhere from the entries', async () => {
    await buildUser(t.db, { username: 'two.scopes', grants: [{ unitId: ids.ninhBinh, role: 'viewer' }, { unitId: ids.baDinh, role: 'editor' }] });
    const cookie = await t.login('two.scopes');
    const under = [paths[ids.ninhBinh] as string, paths[ids.baDinh] as string];
    await check(cookie, { under });
    await check(cookie, { under, year: ['2024', '2025'], form: ['collective'] });
    await check(cookie, { under, q: 'dan van' });
  });

  it('answers 404 for a unit outside the scope or unknown', async () => {
    expect((await get(baDinhViewer, `/api/entries?unitId=${ids.hanoi}`)).body.error?.code).toBe('NOT_FOUND');
    expect((await get(baDinhViewer, `/api/entries?unitId=${ids.ngocHa}`)).status).toBe(404);
    expect((await get(hanoiViewer, `/api/entries?unitId=${ids.ninhBinh}`)).status).toBe(404);
    expect((await get(admin, '/api/entries?unitId=999999999')).status).toBe(404);
  });

  it('refuses an anonymous caller', async () => {
    expect((await t.call('GET', '/api/entries')).statusCode).toBe(401);
  });
});

describe('GET /api/entries: order, paging, validation', () => {
  it('sorts titles in Vietnamese order: Đ after D, Ư after U', async () => {
    const unit = await buildUnit(t.db, { parentId: ids.ninhBinh, name: 'Đơn vị sắp xếp', kind: 'youth_union' });
    for (const title of ['Ưu tiên', 'Đoàn viên', 'Vì dân', 'Dân giàu', 'Uy tín', 'Em bé', 'Ấm áp', 'An toàn']) await buildEntry(t.db, { unitId: unit.id, title, level: 'province' });
    const asc = await get(admin, `/api/entries?unitId=${unit.id}&sort=title`);
    expect(asc.body.items.map((i) => i.title)).toEqual(['An toàn', 'Ấm áp', 'Dân giàu', 'Đoàn viên', 'Em bé', 'Uy tín', 'Ưu tiên', 'Vì dân']);
    const desc = await get(admin, `/api/entries?unitId=${unit.id}&sort=-title`);
    expect(desc.body.items.map((i) => i.title)).toEqual(['Vì dân', 'Ưu tiên', 'Uy tín', 'Em bé', 'Đoàn viên', 'Dân giàu', 'Ấm áp', 'An toàn']);
    await sql`delete from entries where registering_unit_id = ${unit.id}`.execute(t.db);
  });

  it('sorts by year and by update time with a stable tie-break by id', async () => {
    const byYear = await get(admin, '/api/entries?sort=year&limit=200');
    const want = [...known].sort((a, b) => a.year - b.year || Number(a.id) - Number(b.id)).map((e) => e.id);
    expect(byYear.body.items.map((i) => i.id)).toEqual(want);
    const byYearDesc = await get(admin, '/api/entries?sort=-year&limit=200');
    expect(byYearDesc.body.items.map((i) => i.id)).toEqual([...want].reverse());
    const updated = await get(admin, '/api/entries?sort=updated&limit=200');
    expect(updated.body.items.map((i) => i.id)).toEqual([...expected({}).ids].reverse());
  });

  it('pages through every entry once, with the same total on every page', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 80; offset += 10) {
      const page = await get(hanoiViewer, `/api/entries?limit=10&offset=${offset}&sort=title`);
      expect(page.body.total).toBe(expected({ under: [paths[ids.hanoi] as string] }).total);
      seen.push(...page.body.items.map((i) => i.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected({ under: [paths[ids.hanoi] as string] }).total);
  });

  it('refuses bad query values with VALIDATION_FAILED', async () => {
    for (const q of ['year=abc', 'limit=0', 'limit=201', 'status=lost', 'q=a', 'kind=x', 'typical=yes', 'offset=-1', 'unitId=abc', 'sort=name', 'year=1999']) {
      const res = await get(admin, `/api/entries?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error?.code, q).toBe('VALIDATION_FAILED');
    }
  });
});

describe('the facet summary (entry_facet_counts) and the search rows (entry_search)', () => {
  /** Rows of the summary or of the search table that differ from the entries themselves. */
  async function drift() {
    const { rows } = await sql<{ area: string; n: number; want: number }>`
      with truth as (
        select a.area, e.year, coalesce(e.period_id, 0) as period_id, e.field_code, e.kind, e.form, e.level, e.status,
          e.recognised_typical as typical, e.replication_count > 0 as replicated, count(*)::int as n
        from entries e
        cross join lateral (select subpath(e.unit_path, 0, 1) as area union all select subpath(e.unit_path, 0, 2) where nlevel(e.unit_path) >= 2) a
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      )
      select coalesce(s.area, t.area)::text as area, coalesce(s.n, 0) as n, coalesce(t.n, 0) as want
      from (select * from entry_facet_counts where n <> 0) s
      full join truth t using (area, year, period_id, field_code, kind, form, level, status, typical, replicated)
      where coalesce(s.n, 0) <> coalesce(t.n, 0)`.execute(t.db);
    // The search rows (entry_search): one per entry, with its facet values, time, words and area.
    const { rows: search } = await sql<{ area: string; n: number; want: number }>`
      select coalesce(e.id, s.entry_id)::text as area, (s.entry_id is not null)::int as n, (e.id is not null)::int as want
      from entries e
      full join (entry_search s join entry_search_combos c on c.id = s.combo) on s.entry_id = e.id
      where e.id is null or s.entry_id is null or s.updated_at <> e.updated_at
        or s.words <> (strip(to_tsvector('simple', e.search_text)) || array_to_tsvector(array['@' || entry_area(e.unit_path)::text]))
        or (c.year, c.period_id, c.field_code, c.kind, c.form, c.level, c.status, c.typical, c.replicated)
          <> (e.year, coalesce(e.period_id, 0), e.field_code, e.kind, e.form, e.level, e.status, e.recognised_typical, e.replication_count > 0)`.execute(t.db);
    return [...rows, ...search];
  }

  it('stays equal to a brute-force count through inserts, updates, status changes, withdrawals and deletes', async () => {
    expect(await drift()).toEqual([]);
    const a = await buildEntry(t.db, { unitId: ids.ngocHa, title: 'Tổ tự quản', year: 2026, periodId: await periodOf(t.db, 2026) });
    const b = await buildEntry(t.db, { unitId: ids.nbCommune, title: 'Chợ văn minh', fieldCode: 'cultural_social' });
    expect(await drift()).toEqual([]);
    // Status changes one by one, as the lifecycle does them.
    for (const status of ['registered', 'accepted', 'implementing', 'evaluated', 'recognised'] as const) {
      await t.db.updateTable('entries').set({ status, version: sql`version + 1` }).where('id', '=', a.id).execute();
    }
    await t.db.updateTable('entries').set({ recognised_typical: true, replication_count: 3 }).where('id', '=', a.id).execute();
    await t.db.updateTable('entries').set({ status: 'withdrawn' }).where('id', '=', b.id).execute();
    expect(await drift()).toEqual([]);
    // Edits of the counted columns, and one statement touching many rows at once.
    await t.db.updateTable('entries').set({ year: 2024, field_code: 'party_building', kind: 'typical_example', form: 'individual', level: 'province' }).where('id', '=', b.id).execute();
    await t.db.updateTable('entries').set({ year: 2022 }).where('year', '=', 2021).execute();
    await t.db.updateTable('entries').set({ title: sql`title || ' (sửa)'` }).where('year', '=', 2023).execute();
    await sql`update entries set period_id = null where id in (select id from entries order by id limit 5)`.execute(t.db);
    expect(await drift()).toEqual([]);
    // A unit's entries moved elsewhere (a correction of the registering unit).
    await sql`update entries set registering_unit_id = ${ids.nbCommune}, unit_path = ${paths[ids.nbCommune]}::ltree where id = ${a.id}`.execute(t.db);
    await sql`delete from entries where id = ${b.id}`.execute(t.db);
    expect(await drift()).toEqual([]);
    await remember();
    await check(admin, {});
    await check(admin, { status: ['recognised'], year: ['2026'] });
    await check(hanoiViewer, { under: [paths[ids.hanoi] as string], year: ['2022'] });
  });

  it('rolls back with the write that failed', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable('entries').set({ status: 'draft' }).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await drift()).toEqual([]);
  });
});
