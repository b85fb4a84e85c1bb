import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublicStatus, Receipt } from '../../../common/petitions.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { SAMPLE_FILES } from '../entries/entries.factories.js';
import { attachment, PUBLIC_CONSENT } from './petitions.factories.js';
import { normaliseCode } from './tracking-code.js';

let t: TestApp;
let baDinh: string;
let hanoi: string;
let approver: string;
// Each test speaks from its own address, so the per-address limits do not mix tests.
let ipSeq = 1;
const nextIp = () => `203.0.113.${ipSeq++}`;

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.db, 'province', '01')).id;
  baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
  await buildUser(t.db, { username: 'pp.approver', grants: [{ unitId: hanoi, role: 'approver' }] });
  approver = await t.login('pp.approver');
});

const submit = (body: Record<string, unknown>, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/public/petitions', payload: body, remoteAddress: ip });
const lookup = (body: Record<string, unknown>, ip: string) => t.app.inject({ method: 'POST', url: '/api/public/petitions/lookup', payload: body, remoteAddress: ip });

const body = (over: Record<string, unknown> = {}) => ({
  unitId: baDinh,
  submitter: { name: 'Lê Văn Cường', contact: 'cuong@example.vn' },
  categoryCode: 'environment',
  title: 'Rác thải tồn đọng ở ngõ 15',
  content: 'Rác thải tồn đọng nhiều ngày chưa được thu gom, đề nghị phường xử lý.',
  consent: PUBLIC_CONSENT,
  ...over,
});

const petitionCount = async () => (await sql<{ n: number }>`select count(*)::int as n from petitions`.execute(t.db)).rows[0]!.n;

describe('public submission', () => {
  it('records a recommendation received online and answers the code and secret once', async () => {
    const res = await submit(body({ attachments: [attachment('anh.png', SAMPLE_FILES.png)] }), nextIp());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Receipt>();
    const row = await t.db.selectFrom('petitions').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'recommendation', channel: 'online', unit_id: baDinh, handling_unit_id: baDinh, status: 'received', tracking_code: r.trackingCode });
    expect(row.secret_hash).not.toContain(r.secret.replace(/-/g, ''));
    expect(await t.db.selectFrom('audit_log').select(['actor_name', 'ip']).where('action', '=', 'petition.create').where('record_id', '=', r.id).executeTakeFirstOrThrow()).toMatchObject({ actor_name: 'public' });
    // The officers see it, masked.
    const d = await t.call('GET', `/api/petitions/${r.id}`, { cookie: approver });
    expect(d.json().submitter).toMatchObject({ name: 'L*** V*** C***' });
  });

  it('refuses bad submissions and stores nothing', async () => {
    const before = await petitionCount();
    const ip = nextIp();
    const withKind = await submit(body({ anonymous: true }), ip);
    expect(withKind.statusCode).toBe(400); // anonymous yet naming a submitter
    expect((await submit(body({ unitId: hanoi + '999999' }), ip)).statusCode).toBe(400);
    const fake = await submit(body({ attachments: [attachment('anh.jpg', SAMPLE_FILES.exe)] }), ip);
    expect(fake.statusCode).toBe(415);
    expect(await petitionCount()).toBe(before);
    const huge = await t.app.inject({ method: 'POST', url: '/api/public/petitions', payload: body({ attachments: [attachment('a.pdf', Buffer.alloc(4 * 1024 * 1024))] }), remoteAddress: nextIp() });
    expect(huge.statusCode).toBe(413);
    const tooBigFile = await submit(body({ attachments: [attachment('a.pdf', Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(1024 * 1024)]))] }), nextIp());
    expect(tooBigFile.json().error.code).toBe('FILE_TOO_LARGE');
    expect(await petitionCount()).toBe(before);
  });

  it('accepts an anonymous recommendation', async () => {
    const res = await submit(body({ anonymous: true, submitter: undefined }), nextIp());
    expect(res.statusCode, res.body).toBe(201);
  });

  it('limits submissions per address', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await submit(body({ title: `Kiến nghị ${i}` }), ip)).statusCode).toBe(201);
    const sixth = await submit(body(), ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await submit(body(), nextIp())).statusCode).toBe(201);
  });
});

describe('public lookup', () => {
  it('shows the status and the public reply only', async () => {
    const r = (await submit(body(), nextIp())).json<Receipt>();
    await t.db.updateTable('petitions').set({ public_reply: 'Phường đã thu gom rác.', result: 'Nội bộ: giao tổ dân phố 3' }).where('id', '=', r.id).execute();
    // Codes are read forgivingly: lower case, no dashes.
    const res = await lookup({ code: r.trackingCode.toLowerCase().replace(/-/g, ''), secret: r.secret }, nextIp());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PublicStatus>()).toEqual({ code: r.trackingCode, status: 'received', receivedOn: expect.any(String), dueOn: r.dueOn, closedOn: null, publicReply: 'Phường đã thu gom rác.' });
    expect(res.body).not.toContain('Nội bộ');
    expect(res.body).not.toContain('Cường');
  });

  it('answers a wrong secret exactly like an unknown code', async () => {
    const r = (await submit(body(), nextIp())).json<Receipt>();
    const wrong = await lookup({ code: r.trackingCode, secret: 'AAAA-BBBB-CCCC' }, nextIp());
    const unknown = await lookup({ code: 'ZZZZ-ZZZZ-ZZZZ', secret: r.secret }, nextIp());
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (b: string) => JSON.parse(b) as unknown;
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
  });

  it('takes similar time for a wrong secret and an unknown code', async () => {
    const r = (await submit(body(), nextIp())).json<Receipt>();
    const time = async (code: string) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 15; i++) await lookup({ code, secret: 'AAAA-BBBB-CCCC' }, nextIp());
      return Number(process.hrtime.bigint() - started) / 15e6;
    };
    await time(r.trackingCode); // warm-up
    const [known, unknown] = [await time(r.trackingCode), await time('ZZZZ-ZZZZ-ZZZ1')];
    // Both are one indexed lookup and one hash: within a few milliseconds of each other.
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(5, known));
  });

  it('limits lookups per address', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await lookup({ code: 'ZZZZ-ZZZZ-ZZZZ', secret: 'x' }, ip)).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('offers provinces and their communes for the form', async () => {
    const provinces = (await t.app.inject({ method: 'GET', url: '/api/public/petitions/form' })).json();
    expect(provinces.units.map((u: { id: string }) => u.id)).toContain(hanoi);
    expect(provinces.categories.map((c: { code: string }) => c.code)).toContain('land');
    const communes = (await t.app.inject({ method: 'GET', url: `/api/public/petitions/form?parentId=${hanoi}` })).json();
    expect(communes.units.map((u: { id: string }) => u.id)).toContain(baDinh);
  });
});

describe('helpers', () => {
  it('folds look-alike characters in codes', () => {
    expect(normaliseCode('abcd-efgh-ijkl')).toBe('ABCD-EFGH-1JK1');
    expect(normaliseCode(' o0o0 ')).toBe('0000');
  });
});
