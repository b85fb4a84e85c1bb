/**
 * The public page as a government portal: consent to the data-protection notice recorded with
 * the petition (and refused without it, storing nothing), and what the page tells citizens — the
 * agency from the configuration, the notice in force, the retention rule and the time limits from
 * the data.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_LIMITS, type PortalInfo, PRIVACY_NOTICE_VERSION, type Receipt } from '../../../common/petitions.js';
import { buildApp } from '../../app.js';
import type { App } from '../../http/context.js';
import { buildUser, TEST_PASSWORD, unitByCode } from '../../test/factories.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { PUBLIC_CONSENT } from './petitions.factories.js';

let t: TestDb;
let app: App;
let baDinh: string;
let ipSeq = 1;
const nextIp = () => `198.51.100.${ipSeq++}`;

const AGENCY = { name: 'Ban Tuyên giáo và Dân vận Thành ủy Hà Nội', address: '1 Lý Thái Tổ, Hoàn Kiếm, Hà Nội', hotline: '024 3825 0000', email: 'tiepnhan@hanoi.gov.vn' };

beforeAll(async () => {
  t = await createTestDb();
  app = await buildApp({ config: { ...t.config, agency: AGENCY, publicOrigin: 'https://danvan.hanoi.gov.vn' }, db: t.db, logger: false });
  await app.ready();
  baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
});
afterAll(async () => {
  await app?.close();
});

const body = (consent: unknown) => ({
  unitId: baDinh,
  anonymous: true,
  categoryCode: 'environment',
  title: 'Cống thoát nước ngõ 9 bị tắc',
  content: 'Cống thoát nước bị tắc, mưa xuống nước tràn vào nhà dân.',
  ...(consent === undefined ? {} : { consent }),
});
const submit = (payload: unknown) => app.inject({ method: 'POST', url: '/api/public/petitions', payload: payload as object, remoteAddress: nextIp() });
const counts = async () =>
  (
    await sql<{ petitions: number; numbers: number; audits: number }>`
      select (select count(*)::int from petitions) as petitions,
             (select coalesce(sum(last_number), 0)::int from petition_counters) as numbers,
             (select count(*)::int from audit_log where action = 'petition.create') as audits`.execute(t.db)
  ).rows[0]!;

describe('consent to the data-protection notice', () => {
  it('is required, anonymous or not: without it, not given, or given to another notice, CONSENT_REQUIRED and nothing stored', async () => {
    const before = await counts();
    for (const consent of [undefined, { accepted: false, noticeVersion: PRIVACY_NOTICE_VERSION }, { accepted: true, noticeVersion: '2020-01-01' }]) {
      const res = await submit(body(consent));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { noticeVersion: PRIVACY_NOTICE_VERSION } });
    }
    const named = await submit({ ...body(undefined), anonymous: false, submitter: { name: 'Trần Thị Mai' } });
    expect(named.json().error.code).toBe('CONSENT_REQUIRED');
    // No petition, no number taken from the unit's sequence, no audit record.
    expect(await counts()).toEqual(before);
  });

  it('is recorded with the petition: when, and the version of the notice', async () => {
    const started = Date.now();
    const res = await submit(body(PUBLIC_CONSENT));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Receipt>();
    const row = await t.db.selectFrom('petitions').select(['consent_at', 'consent_notice_version', 'received_on']).where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.consent_notice_version).toBe(PRIVACY_NOTICE_VERSION);
    expect(row.consent_at!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(r.receivedOn).toBe(row.received_on);
    const audit = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'petition.create').where('record_id', '=', r.id).executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ consentNoticeVersion: PRIVACY_NOTICE_VERSION });
  });

  it('is not asked of an officer recording a petition at the desk (the columns stay empty)', async () => {
    await buildUser(t.db, { username: 'portal.editor', grants: [{ unitId: baDinh, role: 'editor' }] });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'portal.editor', password: TEST_PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: { cookie },
      payload: { unitId: baDinh, kind: 'complaint', channel: 'in_person', submitter: { name: 'Phạm Văn Dũng' }, categoryCode: 'land', title: 'Khiếu nại', content: 'Nội dung' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.selectFrom('petitions').select(['consent_at', 'consent_notice_version']).where('id', '=', res.json<Receipt>().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ consent_at: null, consent_notice_version: null });
  });

  it('is kept whole by the database: a time without a version is refused', async () => {
    const id = (await t.db.selectFrom('petitions').select('id').limit(1).executeTakeFirstOrThrow()).id;
    await expect(sql`update petitions set consent_at = now(), consent_notice_version = null where id = ${id}`.execute(t.db)).rejects.toThrow(/petitions_consent_pair/);
  });
});

describe('GET /api/public/portal', () => {
  it('names the agency from the configuration, the notice in force and the retention rule the erasure job applies', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/portal' });
    expect(res.statusCode).toBe(200);
    const p = res.json<PortalInfo>();
    expect(p.agency).toEqual(AGENCY);
    expect(p.publicUrl).toBe('https://danvan.hanoi.gov.vn/petition');
    expect(p.noticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(p.retentionYears).toBe(PETITION_LIMITS.retentionYears);
  });

  it('says the time limits as the data holds them, so a change in the law shows at once', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/public/portal' })).json<PortalInfo>();
    expect(before.timeLimits.find((l) => l.kind === 'recommendation')).toMatchObject({ days: 10, basis: 'working', maxExtensionDays: 0 });
    await sql`update petition_time_limits set days = 15, source = 'Luật sửa đổi 2027' where kind = 'recommendation'`.execute(t.db);
    const after = (await app.inject({ method: 'GET', url: '/api/public/portal' })).json<PortalInfo>();
    expect(after.timeLimits.find((l) => l.kind === 'recommendation')).toMatchObject({ days: 15, source: 'Luật sửa đổi 2027' });
    await sql`update petition_time_limits set days = 10, source = ${before.timeLimits.find((l) => l.kind === 'recommendation')!.source} where kind = 'recommendation'`.execute(t.db);
  });

  it('answers nulls where nothing is configured', async () => {
    const bare = await buildApp({ config: t.config, db: t.db, logger: false });
    try {
      const p = (await bare.inject({ method: 'GET', url: '/api/public/portal' })).json<PortalInfo>();
      expect(p.agency).toEqual({ name: null, address: null, hotline: null, email: null });
      expect(p.publicUrl).toBeNull();
    } finally {
      await bare.close();
    }
  });
});
