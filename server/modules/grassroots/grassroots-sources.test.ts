/**
 * The legal numbers checked on 6 December 2026 (migration 20261208300000, docs/grassroots-democracy.md
 * §8) as the services apply them: the covenant threshold of Nghị định 61/2023, and the dialogue rules
 * of the two successive 2025 laws meeting without a gap.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CitizenDecision } from '../../../common/grassroots.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cookie: string;
let commune: string;

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const c = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow();
  commune = c.id;
  await buildUser(t.db, { username: 'src.editor', grants: [{ unitId: commune, role: 'editor' }] });
  cookie = await t.login('src.editor');
}, 180_000);

const covenant = (decidedOn: string) => ({
  unitId: commune,
  village: 'Thôn Đông',
  matterCode: 'village_covenant',
  subject: 'Hương ước thôn Đông (sửa đổi)',
  method: 'meeting',
  decidedOn,
  eligibleHouseholds: 200,
  householdsTakingPart: 150,
  inFavour: 120,
  against: 20,
});

describe('legal sources checked', () => {
  it('decides a village covenant by Nghị định 61/2023 art. 10 from 16/8/2023, and by the law\'s general row the day before', async () => {
    const thresholds = (await sql<{ id: string; matter_code: string | null; legal_source: string; to_confirm: boolean }>`select id::text, matter_code, legal_source, to_confirm from decision_thresholds`.execute(t.db)).rows;
    const specific = thresholds.find((r) => r.matter_code === 'village_covenant')!;
    expect(specific.legal_source).toContain('61/2023/NĐ-CP');
    expect(specific.to_confirm).toBe(false);
    const after = await t.call('POST', '/api/grassroots/decisions', { cookie, body: covenant('2023-08-16') });
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json<CitizenDecision>()).toMatchObject({ passed: true, thresholdId: String(specific.id) });
    const before = await t.call('POST', '/api/grassroots/decisions', { cookie, body: covenant('2023-08-15') });
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json<CitizenDecision>().thresholdId).not.toBe(String(specific.id));
    expect(before.json<CitizenDecision>().thresholdId).not.toBeNull();
    // 100 of 200 households in favour is not more than half of all households: not passed.
    const short = await t.call('POST', '/api/grassroots/decisions', { cookie, body: { ...covenant('2024-05-01'), inFavour: 100, against: 40 } });
    expect(short.json<CitizenDecision>()).toMatchObject({ passed: false, thresholdId: String(specific.id) });
  });

  it('judges a dialogue by the law in force on its day: 65/2025 until 15/6/2025, 72/2025 from 16/6/2025', async () => {
    const rules = await t.db.selectFrom('dialogue_rules').selectAll().where('unit_kind', '=', 'commune').orderBy('valid_from').execute();
    expect(rules.map((r) => [r.valid_from, r.valid_to])).toEqual([
      ['2025-03-01', '2025-06-16'],
      ['2025-06-16', null],
    ]);
    const session = async (heldOn: string) => {
      const res = await t.call('POST', '/api/reception-sessions', { cookie, body: { kind: 'dialogue', unitId: commune, heldOn, title: 'Hội nghị đối thoại', presiding: 'Chủ tịch UBND xã' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().dialogue.rule as { legalSource: string; toConfirm: boolean };
    };
    expect(await session('2025-06-15')).toMatchObject({ toConfirm: true, legalSource: expect.stringContaining('65/2025/QH15') });
    expect(await session('2025-06-16')).toMatchObject({ toConfirm: false, legalSource: expect.stringContaining('72/2025/QH15') });
  });

  it('names the article of the law for the forms read in the Official Gazette', async () => {
    const forms = (await sql<{ code: string; legal_source: string; to_confirm: boolean }>`select code, legal_source, to_confirm from publication_forms`.execute(t.db)).rows;
    const byCode = Object.fromEntries(forms.map((f) => [f.code, f]));
    expect(byCode.loudspeaker).toMatchObject({ to_confirm: false, legal_source: expect.stringContaining('Điều 13 khoản 3') });
    expect(byCode.village_head).toMatchObject({ to_confirm: false, legal_source: expect.stringContaining('Điều 13 khoản 4') });
    expect(byCode.on_request!.to_confirm).toBe(true);
  });

  it('re-judges the publications of an item when its deadline is corrected, and the year\'s items follow', async () => {
    const body = { unitId: commune, itemCode: 'budget', documentTitle: 'Nghị quyết dự toán ngân sách xã (thử thời hạn)', documentDate: '2024-01-05', forms: ['notice_board'], publishedOn: '2024-01-25' };
    const res = await t.call('POST', '/api/grassroots/publications', { cookie, body });
    expect(res.statusCode, res.body).toBe(201);
    const state = async () => {
      const items = (await t.call('GET', `/api/grassroots/items?unitId=${commune}&year=2024`, { cookie })).json<{ items: { itemCode: string; state: string }[] }>();
      return items.items.find((i) => i.itemCode === 'budget')?.state;
    };
    const late = async () => (await sql<{ late: boolean }>`select late from publications where id = ${res.json().id}`.execute(t.db)).rows[0]!.late;
    // Twenty days after the document: on time under the seeded 30 days, late once the deadline reads 10.
    expect(await late()).toBe(false);
    expect(await state()).toBe('published');
    const was = (await sql<{ d: number }>`select deadline_days as d from publication_items where code = 'budget'`.execute(t.db)).rows[0]!.d;
    await sql`update publication_items set deadline_days = 10 where code = 'budget'`.execute(t.db);
    try {
      expect(await late()).toBe(true);
      expect(await state()).toBe('overdue');
    } finally {
      await sql`update publication_items set deadline_days = ${was} where code = 'budget'`.execute(t.db);
    }
    expect(await late()).toBe(false);
    expect(await state()).toBe('published');
  });
});
