/**
 * The fuzzer: every operation of /api/openapi.json gets malformed path parameters, query values,
 * bodies (whole and field by field, derived from the operation's JSON schema), content types and
 * multipart uploads, as a system administrator, as a plain editor and without a session. Any 5xx,
 * stack trace, error body that is not the API's JSON shape, answer without the security headers,
 * or value that got past the edge only for PostgreSQL to refuse it (`details.sqlState`, see
 * error-handler.ts) fails, naming the route and the input. Deterministic: the values are fixed
 * lists, and the few samples are drawn from a seeded generator.
 *
 * The operations counted must equal the document's, and every /api route the app registers must be
 * in the document, so a new route cannot escape.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../common/errors.js';
import { buildConference, buildCommendation } from '../modules/commendations/commendations.factories.js';
import { buildEntry, buildEvidence } from '../modules/entries/entries.factories.js';
import { buildPetition } from '../modules/petitions/petitions.factories.js';
import { buildPolicyDocument, buildPolicyDocumentAttachment } from '../modules/policy-documents/policy-documents.factories.js';
import { buildPlan, buildReport, buildTask as buildPlanTask, buildTaskEvidence } from '../modules/tasks/tasks.factories.js';
import { buildReportingSchedule, buildRound, buildSubmission } from '../modules/reporting-rounds/reporting-rounds.factories.js';
import { buildProgram } from '../modules/coordination/coordination.factories.js';
import { buildEvent, buildReview, buildTask } from '../modules/reviews/reviews.factories.js';
import { buildWorkingSession } from '../modules/working-sessions/working-sessions.factories.js';
import { buildDignitary, buildOrganization, buildPerson, buildPlace, buildReligiousEvent } from '../modules/religious-affairs/religious-affairs.factories.js';
import { buildSituationReport } from '../modules/situation-reports/situation-reports.factories.js';
import { buildHotspot } from '../modules/hotspots/hotspots.factories.js';
import { buildActivity as buildSupervisionActivity, buildBoard as buildSupervisionBoard, buildSupervisionProgram, firstMemberOf } from '../modules/supervision/supervision.factories.js';
import { buildDecision, buildPublication, buildPublicationFile } from '../modules/grassroots/grassroots.factories.js';
import { buildDialogueFile, buildSession } from '../modules/petitions/dialogue-files.factories.js';
import { buildUnit, buildUser, rootUnit, TEST_PASSWORD } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { SESSION_COOKIE } from './authenticate.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema };
type Operation = { method: string; path: string; parameters: Parameter[]; body: JsonSchema | null; multipart: boolean };
type Input = { label: string; url: string; payload?: string | Buffer; headers?: Record<string, string> };
/** `probe`: a request the actor's role must keep answering 200, checked after every operation. */
type Actor = { label: string; cookie: () => Promise<string | null>; probe?: string };

// ── deterministic sampling ───────────────────────────────────────────────────────────────────

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261205);
function sample<T>(list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

// ── the malformed values ─────────────────────────────────────────────────────────────────────

/** Raw path segments (already URL-encoded where they need to be). */
const PATH_VALUES = [
  '0', '-1', '00042', '+1', '1.5', '1e3', 'abc', ' 1', '9223372036854775807', '9223372036854775808', '99999999999999999999',
  '%00', 'A%00', '%ED%A0%80', '%E0%A4%A', '%', '%zz', encodeURIComponent('ệ🚩'), 'x'.repeat(10_000), '2025-02-30', '..%2F..%2Fetc',
];
/** Raw query values (already URL-encoded where they need to be). */
const QUERY_VALUES = [
  '', 'abc', '-1', '0', '1.5', '1e309', 'NaN', 'Infinity', '-0', '99999999999999999999', '9223372036854775808', '%00', 'A%00B',
  '%ED%A0%80', '%E0', encodeURIComponent('ệ🚩'), 'y'.repeat(5000), '2025-02-30', 'true', '%5Bobject%20Object%5D',
];
/** Raw JSON texts put in place of one body field (some are not what JSON.stringify could write). */
const ALWAYS_FIELD_VALUES = ['null', '"\\u0000"', '"A\\u0000B"', '"\\ud800"', '"x\\udc00"', '1e309', '2147483648', '99999999999999999999', '"99999999999999999999"'];
const SAMPLED_FIELD_VALUES = [
  '0', '-1', '-0', '1.5', '9223372036854775808', '9007199254740993', '-1e20', 'true', '""', '"abc"', '"NaN"', '"-1"', '"2025-02-30"', '"0000-00-00"',
  `"${'z'.repeat(100_000)}"`, '[]', '{}', '[[[[[[[[[[1]]]]]]]]]]', '{"$gt":""}', '{"__proto__":{"x":1}}', '"\\u202e\\ufeff"', `"${'ệ'.repeat(3000)}"`,
];
// Deeper than any recursive walk survives (V8 gives ~10 000 frames), shallow enough to parse fast.
const DEEP_ARRAY = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`;

// ── reading the document ─────────────────────────────────────────────────────────────────────

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

/** A pattern of digits only (ids, amounts): the example is a real record id. */
const isNumericPattern = (pattern: string) => new RegExp(pattern).test('42') && !new RegExp(pattern).test('a');

/** The first schema of an anyOf / oneOf that is not null. */
function concrete(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return concrete(options.find((o) => o.type !== 'null') ?? options[0]!);
  if (schema.allOf?.length) return concrete(schema.allOf[0]!);
  return schema;
}

/** A value the schema accepts, as far as a generator can tell (ids come from `ids`). */
function example(schema: JsonSchema, name: string, ids: (name: string) => string): unknown {
  const s = concrete(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = example(s.properties?.[key] ?? {}, key, ids);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items ?? {}, name, ids));
    case 'integer':
    case 'number':
      return /year/i.test(name) ? 2025 : /quarter/i.test(name) ? 1 : (s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      if (s.pattern && isNumericPattern(s.pattern)) return ids(name);
      if (s.format === 'date') return '2025-09-02';
      if (s.format === 'date-time') return '2025-09-02T08:00:00+07:00';
      if (s.pattern?.startsWith('^[a-z]')) return 'land';
      if (s.pattern) return '1';
      return 'Giá trị thử'.padEnd(Math.max(s.minLength ?? 1, 11), '.');
    default:
      return 'x';
  }
}

/** Every property path of an object example, one level into nested objects. */
function fieldPaths(value: unknown): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [[key], ...fieldPaths(child).filter((p) => p.length === 1).map((p) => [key, ...p])]);
}

/** The JSON text of `base` with the field at `path` replaced by the raw JSON text `raw`. */
function withRawField(base: unknown, path: string[], raw: string): string {
  const marker = '\u0001FUZZ\u0001';
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), raw);
}

function multipart(parts: { name: string; fileName?: string; rawFileName?: Buffer; data: Buffer | string; type?: string }[], boundary = 'fuzzBoundary7MA4YWxk') {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`),
      p.rawFileName ? Buffer.concat([Buffer.from('; filename="'), p.rawFileName, Buffer.from('"')]) : p.fileName === undefined ? Buffer.alloc(0) : Buffer.from(`; filename="${p.fileName}"`),
      Buffer.from(`\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`),
    ]);
    chunks.push(disposition, Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

// ── the inputs of one operation ──────────────────────────────────────────────────────────────

function inputsOf(op: Operation, ids: (name: string) => string, full: boolean): Input[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathValue = (p: Parameter) => String(example(p.schema, p.name === 'id' ? `${op.path}#id` : p.name, ids));
  const buildPath = (override?: [string, string]) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => (override?.[0] === name ? override[1] : encodeURIComponent(pathValue(pathParams.find((p) => p.name === name)!))));
  const validQuery = queryParams.filter((p) => p.required).map((p) => `${p.name}=${encodeURIComponent(String(example(p.schema, p.name, ids)))}`);
  const url = (path: string, query: string[] = validQuery) => (query.length ? `${path}?${query.join('&')}` : path);
  const baseUrl = url(buildPath());
  const baseBody = op.body ? example(op.body, 'body', ids) : undefined;
  const json = { 'content-type': 'application/json' };
  const withBody = (label: string, target: string, payload: string | Buffer, headers: Record<string, string> = json): Input => ({ label, url: target, payload, headers });
  const plain = (label: string, target: string): Input => (baseBody === undefined ? { label, url: target } : { label, url: target, payload: JSON.stringify(baseBody), headers: json });

  const inputs: Input[] = [plain('as documented', baseUrl)];
  for (const p of pathParams) for (const v of PATH_VALUES) inputs.push(plain(`path ${p.name}=${v.slice(0, 40)}`, url(buildPath([p.name, v]))));
  for (const p of queryParams) {
    const others = validQuery.filter((q) => !q.startsWith(`${p.name}=`));
    const values = full ? QUERY_VALUES : sample(QUERY_VALUES, 6);
    for (const v of values) inputs.push(plain(`query ${p.name}=${v.slice(0, 40)}`, url(buildPath(), [...others, `${p.name}=${v}`])));
    inputs.push(plain(`query ${p.name} twice`, url(buildPath(), [...others, `${p.name}=1`, `${p.name}=2`])));
    inputs.push(plain(`query ${p.name}[a]`, url(buildPath(), [...others, `${p.name}[a]=1`])));
  }
  inputs.push(plain('unknown query key', url(buildPath(), [...validQuery, 'zz%00=1'])));
  if (op.method === 'GET') return inputs;

  // Bodies as a whole, on every state-changing operation (with a body or not).
  const wholeBodies: [string, string | Buffer, Record<string, string>][] = [
    ['invalid JSON', '{"a":', json],
    ['empty JSON body', '', json],
    ['null body', 'null', json],
    ['array body', '[]', json],
    ['string body', '"s"', json],
    ['number body', '1e309', json],
    ['__proto__ body', '{"__proto__":{"isAdmin":true}}', json],
    ['constructor.prototype body', '{"constructor":{"prototype":{"x":1}}}', json],
    ['text/plain', JSON.stringify(baseBody ?? {}), { 'content-type': 'text/plain' }],
    ['urlencoded', 'a=1&b=%00', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', JSON.stringify(baseBody ?? {}), {}],
    ['odd JSON type', JSON.stringify(baseBody ?? {}), { 'content-type': 'application/json-patch+json' }],
    ['JSON in latin1', JSON.stringify(baseBody ?? {}), { 'content-type': 'application/json; charset=iso-8859-1' }],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]), json],
  ];
  // The costly ones once, as the administrator: the parser and the guard are the same for everyone.
  if (full) wholeBodies.push(['deep array', DEEP_ARRAY, json], ['deep object', DEEP_OBJECT, json], ['over the body limit', `{"a":"${'b'.repeat(1_100_000)}"}`, json]);
  const small = multipart([{ name: 'file', fileName: 'a.png', data: PNG, type: 'image/png' }]);
  wholeBodies.push(['multipart', small.payload, small.headers]);
  for (const [label, payload, headers] of wholeBodies) inputs.push(withBody(`body: ${label}`, baseUrl, payload, headers));

  if (baseBody !== undefined && typeof baseBody === 'object' && baseBody !== null) {
    inputs.push(withBody('body: extra key', baseUrl, JSON.stringify({ ...baseBody, unexpected: '\u0000' })));
    inputs.push(withBody('body: NUL in a key', baseUrl, JSON.stringify({ ...baseBody, 'k\u0000': 1 })));
    for (const path of fieldPaths(baseBody)) {
      const values = [...ALWAYS_FIELD_VALUES, ...sample(SAMPLED_FIELD_VALUES, full ? 6 : 2)];
      for (const raw of values) inputs.push(withBody(`body.${path.join('.')}=${raw.slice(0, 40)}`, baseUrl, withRawField(baseBody, path, raw)));
    }
  }

  if (op.multipart) {
    const uploads: [string, { payload: Buffer; headers: Record<string, string> }][] = [
      ['a PNG', small],
      ['no boundary', { payload: small.payload, headers: { 'content-type': 'multipart/form-data' } }],
      ['wrong boundary', { payload: small.payload, headers: { 'content-type': 'multipart/form-data; boundary=other' } }],
      ['truncated', { payload: small.payload.subarray(0, small.payload.length - 30), headers: small.headers }],
      ['garbage', { payload: Buffer.from('\u0000\u0001garbage\r\n--'), headers: small.headers }],
      ['other field name', multipart([{ name: 'upload', fileName: 'a.png', data: PNG }])],
      ['text field only', multipart([{ name: 'file', data: 'not a file' }])],
      ['two files', multipart([{ name: 'file', fileName: 'a.png', data: PNG }, { name: 'file', fileName: 'b.png', data: PNG }])],
      ['empty file', multipart([{ name: 'file', fileName: 'a.png', data: Buffer.alloc(0) }])],
      ['NUL in the file name', multipart([{ name: 'file', rawFileName: Buffer.from('a\u0000b.png'), data: PNG }])],
      ['invalid UTF-8 file name', multipart([{ name: 'file', rawFileName: Buffer.from([0x61, 0xed, 0xa0, 0x80, 0xff, 0x2e, 0x70, 0x6e, 0x67]), data: PNG }])],
      ['encoded NUL file name', { payload: Buffer.from(small.payload.toString('latin1').replace('filename="a.png"', "filename*=UTF-8''a%00%ED%A0%80.png"), 'latin1'), headers: small.headers }],
      ['long file name', multipart([{ name: 'file', fileName: `${'n'.repeat(5000)}.png`, data: PNG }])],
      ['NUL in a text field', multipart([{ name: 'lang', data: 'v\u0000i' }, { name: 'file', fileName: 'a.xlsx', data: PNG }])],
      ['many fields', multipart(Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, data: 'x' })))],
      ['many files', multipart(Array.from({ length: 5 }, (_, i) => ({ name: 'file', fileName: `${i}.png`, data: PNG })))],
      ['a JSON body', { payload: Buffer.from('{"file":"x"}'), headers: json }],
    ];
    for (const [label, { payload, headers }] of uploads) inputs.push({ label: `upload: ${label}`, url: baseUrl, payload, headers });
  }
  return inputs;
}

// ── the checks of one answer ─────────────────────────────────────────────────────────────────

const STACK = /\bat [\w.<>]+ \(|\.(?:ts|js):\d+:\d+|"stack"/;

function problemsOf(res: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/(json|vnd\.openxmlformats)|^text\/csv|^application\/pdf|^image\//.test(type) && res.statusCode !== 204) problems.push(`content type ${type}`);
  if (type.startsWith('application/json') && STACK.test(res.body)) problems.push('stack trace in the body');
  if (res.statusCode >= 400) {
    let error: { code?: unknown; message?: unknown; details?: { sqlState?: unknown } } | undefined;
    try {
      error = (JSON.parse(res.body) as { error?: typeof error }).error;
    } catch {
      problems.push('error body is not JSON');
    }
    if (error && (!ERROR_CODES.includes(error.code as never) || typeof error.message !== 'string')) problems.push('error body is not { error: { code, message } }');
    if (error?.details?.sqlState) problems.push(`PostgreSQL refused a value the edge let through (${String(error.details.sqlState)})`);
  }
  if (!res.headers['content-security-policy']) problems.push('no Content-Security-Policy');
  if (res.headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options');
  if (res.headers['x-frame-options'] !== 'DENY') problems.push('no X-Frame-Options');
  if (!res.headers['referrer-policy']) problems.push('no Referrer-Policy');
  return problems;
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────

let t: TestApp;
let doc: Parameters<typeof operationsOf>[0];
const seeds: Record<string, string> = {};
let address = 0;

/** A fresh loopback address per request: the sign-in and public-form rate limits count per address. */
function nextAddress() {
  address++;
  return `127.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255 || 1}`;
}

/** A session that signs in again when a fuzzed request ended it (logout, disabled account). */
function sessionOf(username: string): () => Promise<string> {
  let cookie: string | null = null;
  return async () => {
    if (cookie && (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode === 200) return cookie;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD }, remoteAddress: nextAddress() });
    const value = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    if (!value) throw new Error(`sign-in of ${username} failed: ${res.body}`);
    cookie = `${SESSION_COOKIE}=${value}`;
    return cookie;
  };
}

/** Real ids for the documented examples, so valid-looking inputs reach the services. */
function idFor(name: string): string {
  // A module whose resources share one prefix (/api/supervision/boards/{id}, …/programs/{id}) seeds each by `<prefix>/<resource>`.
  const byResource = /^\/api\/([\w-]+)\/([\w-]+)\/\{\w+\}.*#id$/.exec(name);
  const seeded = byResource && seeds[`${byResource[1]}/${byResource[2]}`];
  if (seeded) return seeded;
  const byPath = /^\/api\/([\w-]+)\/\{?\w*\}?.*#id$/.exec(name);
  if (byPath) return seeds[byPath[1]!] ?? '1';
  if (/evidence/i.test(name)) return seeds.evidence!;
  if (/grant/i.test(name)) return seeds.grant!;
  if (/entr|source/i.test(name)) return seeds.entries!;
  if (/conference/i.test(name)) return seeds['review-conferences']!;
  if (/user/i.test(name)) return seeds.users!;
  if (/unit|parent|under/i.test(name)) return seeds.province!;
  return '1';
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const province = await t.db.selectFrom('units').select('id').where('kind', '=', 'province').where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const org = await buildUnit(t.db, { parentId: province.id, kind: 'youth_union', name: 'Đoàn Thanh niên thử' });
  await buildUser(t.db, { username: 'fuzz.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'fuzz.editor', grants: [{ unitId: province.id, role: 'editor' }] });
  const target = await buildUser(t.db, { username: 'fuzz.target', grants: [{ unitId: province.id, role: 'viewer' }] });
  const grant = await t.db.selectFrom('role_grants').select('id').where('user_id', '=', target.id).executeTakeFirstOrThrow();
  const entry = await buildEntry(t.db, { unitId: province.id });
  const evidence = await buildEvidence(t.db, entry.id);
  const conference = await buildConference(t.db, { unitId: province.id });
  const commendation = await buildCommendation(t.db, { unitId: province.id });
  const review = await buildReview(t.db, { unitId: province.id });
  const task = await buildTask(t.db, { reviewId: review.id, ownerUnitId: province.id });
  const event = await buildEvent(t.db, { reviewId: review.id });
  const petition = await buildPetition(t.db, { unitId: province.id });
  const policyDocument = await buildPolicyDocument(t.db, { unitId: province.id });
  const policyAttachment = await buildPolicyDocumentAttachment(t.db, policyDocument.id);
  const plan = await buildPlan(t.db, { unitId: province.id });
  const planTask = await buildPlanTask(t.db, { planId: plan.id, ownerUnitId: province.id });
  const taskReport = await buildReport(t.db, planTask.id);
  const taskEvidence = await buildTaskEvidence(t.db, taskReport.id);
  const round = await buildRound(t.db, { unitId: province.id, participantIds: [org.id], targetKinds: ['youth_union'] });
  const schedule = await buildReportingSchedule(t.db, { unitId: province.id, templateId: round.templateId });
  const submission = await buildSubmission(t.db, { roundId: round.id, unitId: org.id });
  const program = await buildProgram(t.db, { unitId: province.id });
  const workingSession = await buildWorkingSession(t.db, { leadingUnitId: province.id, unitId: org.id });
  const religious = {
    organizations: await buildOrganization(t.db, { unitId: province.id }),
    places: await buildPlace(t.db, { unitId: province.id }),
    dignitaries: await buildDignitary(t.db, { unitId: province.id }),
    persons: await buildPerson(t.db, { unitId: province.id }),
    events: await buildReligiousEvent(t.db, { unitId: province.id }),
  };
  const situationReport = await buildSituationReport(t.db, { unitId: province.id, status: 'draft' });
  const hotspot = await buildHotspot(t.db, { unitId: org.id });
  // One id for /api/grassroots/{publications,decisions}/{id}: each table's first row.
  const grassroots = { publication: await buildPublication(t.db, { unitId: province.id, publicState: 'pending' }), decision: await buildDecision(t.db, { unitId: province.id, publicState: 'pending' }) };
  const supervision = await buildSupervisionActivity(t.db, { unitId: province.id });
  const supervisionBoard = await buildSupervisionBoard(t.db, { unitId: province.id });
  const supervisionProgram = await buildSupervisionProgram(t.db, { unitId: province.id, year: 2026 });
  // /api/grassroots/publication-files/{id} gets the `grassroots` seed too (the path's first segment): the
  // first publication and its first file are both the tables' first rows, so the id names a stored file.
  const publicationFile = await buildPublicationFile(t.db, grassroots.publication.id);
  const dialogue = await buildSession(t.db, { unitId: province.id });
  const dialogueFile = await buildDialogueFile(t.db, dialogue.id);
  Object.assign(seeds, {
    province: province.id,
    units: org.id,
    users: target.id,
    grant: grant.id,
    entries: entry.id,
    evidence: evidence.id,
    'review-conferences': conference.id,
    commendations: commendation.id,
    reviews: review.id,
    'review-tasks': task.id,
    'review-events': event.id,
    petitions: petition.id,
    'policy-documents': policyDocument.id,
    'policy-document-attachments': policyAttachment.id,
    'implementation-plans': plan.id,
    tasks: planTask.id,
    'task-reports': taskReport.id,
    'task-evidence': taskEvidence.id,
    'reporting-rounds': round.id,
    'reporting-schedules': schedule.id,
    'round-submissions': submission.id,
    'coordination-programs': program.id,
    'working-sessions': workingSession.id,
    // One id for every register of /api/religious-affairs/<register>/{id}: each table's first row, so 1 in all of them.
    'religious-affairs': religious.persons.id,
    'situation-reports': situationReport.id,
    hotspots: hotspot.id,
    grassroots: grassroots.publication.id,
    'reception-sessions': dialogue.id,
    'dialogue-files': dialogueFile.id,
    'grassroots/publication-files': publicationFile.id,
    // /api/supervision/recommendations/{id}/answer
    supervision: supervision.recommendationId,
    'supervision/recommendations': supervision.recommendationId,
    'supervision/activities': supervision.id,
    'supervision/boards': supervisionBoard.id,
    'supervision/board-members': (await firstMemberOf(t.db, supervisionBoard.id)).id,
    'supervision/programs': supervisionProgram.id,
  });
  const res = await t.call('GET', '/api/openapi.json');
  doc = res.json();
}, 120_000);

describe('the OpenAPI fuzzer', () => {
  it('documents every /api route the app registers', () => {
    const documented = new Set(operationsOf(doc).map((o) => `${o.method} ${o.path}`));
    const registered = t.app.routeCatalog
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect(registered.length).toBe(documented.size);
  });

  it('gets no 5xx, stack trace, shapeless error, edge leak or missing security header from any operation', async () => {
    const actors: (Actor & { full: boolean })[] = [
      { label: 'system admin', cookie: sessionOf('fuzz.admin'), full: true, probe: '/api/audit?limit=1' },
      { label: 'editor', cookie: sessionOf('fuzz.editor'), full: false, probe: '/api/entries?limit=1' },
      { label: 'anonymous', cookie: async () => null, full: false },
    ];
    const operations = operationsOf(doc);
    const failures: string[] = [];
    const covered = new Set<string>();
    let sent = 0;
    for (const actor of actors) {
      for (const op of operations) {
        let inputs = inputsOf(op, idFor, actor.full);
        // Checked once per operation: a logout among its inputs leaves the rest unauthenticated, which is fine.
        const cookie = await actor.cookie();
        for (let i = 0; i < inputs.length; i++) {
          const input = inputs[i]!;
          const res = await t.app.inject({
            method: op.method as 'GET',
            url: input.url,
            headers: { ...(cookie ? { cookie } : {}), ...input.headers },
            remoteAddress: nextAddress(),
            ...(input.payload === undefined ? {} : { payload: input.payload }),
          });
          sent++;
          const problems = problemsOf(res);
          // Without a session, a route that is not public answers 401 after parsing and validation, which
          // the other actors already exercise: only the whole-body inputs (parsers, guards) still matter.
          if (i === 0 && !cookie && res.statusCode === 401) inputs = [input, ...inputs.filter((x) => x.label.startsWith('body: ') || x.label.startsWith('upload: '))];
          if (problems.length) failures.push(`${actor.label} ${op.method} ${input.url.slice(0, 120)} [${input.label}]: ${problems.join('; ')} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
        covered.add(`${op.method} ${op.path}`);
        // A fuzzed input must not have taken the actor's rights away (the rest would test nothing).
        if (actor.probe) {
          const cookie = await actor.cookie();
          const check = await t.app.inject({ method: 'GET', url: actor.probe, headers: cookie ? { cookie } : {}, remoteAddress: nextAddress() });
          if (check.statusCode !== 200) throw new Error(`${actor.label} lost its rights after ${op.method} ${op.path}: ${check.statusCode} ${check.body}`);
        }
      }
    }
    console.log(`fuzzer: ${covered.size} operations, ${sent} requests, ${failures.length} failures`);
    expect(failures.slice(0, 60)).toEqual([]);
    expect(covered.size).toBe(operations.length);
    expect(operations.length).toBeGreaterThan(100);
  }, 300_000);
});
