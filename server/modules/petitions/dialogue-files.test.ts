/**
 * A dialogue conference's evidence files (docs/grassroots-democracy.md §7): the notice, the results
 * published and the minutes, each with its purpose; refused on a reception session; checked by
 * content, hidden not deleted, read and written as the session is, audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DialogueFile, DialogueFileList } from '../../../common/grassroots-files.js';
import { buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { multipartFile, SAMPLE_FILES } from '../entries/entries.factories.js';
import { buildDialogueFile, buildSession } from './dialogue-files.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let commune: string;

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const haNoi = await unitByCode(t.db, 'province', '01');
  commune = (await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow()).id;
  for (const [name, unitId, role] of [
    ['editor', commune, 'editor'],
    ['viewer', ninhBinh.id, 'viewer'],
    ['hanoi', haNoi.id, 'editor'],
  ] as const) {
    await buildUser(t.db, { username: `df.${name}`, grants: [{ unitId, role }] });
    cookies[name] = await t.login(`df.${name}`);
  }
}, 180_000);

const upload = (sessionId: string, purpose: string, fileName: string, data: Buffer, cookie = cookies.editor!) => {
  const { payload, headers } = multipartFile(fileName, data, 'application/octet-stream');
  return t.app.inject({ method: 'POST', url: `/api/reception-sessions/${sessionId}/files?purpose=${purpose}`, payload, headers: { ...headers, cookie } });
};
const count = async (table: 'reception_session_files' | 'audit_log') => Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => ({ files: await count('reception_session_files'), audit: await count('audit_log') });
const list = async (sessionId: string, cookie = cookies.viewer) => t.call('GET', `/api/reception-sessions/${sessionId}/files`, { cookie });

describe('evidence files of a dialogue conference', () => {
  it('keeps the notice, the results and the minutes with their purpose, serves them to the session\'s readers and hides one on removal', async () => {
    const s = await buildSession(t.db, { unitId: commune });
    const before = await counts();
    const notice = await upload(s.id, 'notice', 'Thông báo hội nghị đối thoại.pdf', SAMPLE_FILES.pdf);
    expect(notice.statusCode, notice.body).toBe(201);
    expect(notice.json() as DialogueFile).toMatchObject({ purpose: 'notice', fileName: 'Thông báo hội nghị đối thoại.pdf', contentType: 'application/pdf' });
    expect((await upload(s.id, 'results', 'anh-niem-yet-ket-qua.jpg', SAMPLE_FILES.jpeg)).statusCode).toBe(201);
    expect((await upload(s.id, 'minutes', 'bien-ban.png', SAMPLE_FILES.png)).statusCode).toBe(201);
    const files = (await list(s.id)).json() as DialogueFileList;
    expect(files.items.map((f) => [f.purpose, f.fileName])).toEqual([
      ['notice', 'Thông báo hội nghị đối thoại.pdf'],
      ['results', 'anh-niem-yet-ket-qua.jpg'],
      ['minutes', 'bien-ban.png'],
    ]);
    // The session's version guards its dates (PUT …/dialogue): a file leaves it as it was.
    expect((await t.call('GET', `/api/reception-sessions/${s.id}`, { cookie: cookies.viewer })).json().version).toBe(1);
    const file = await t.call('GET', `/api/dialogue-files/${notice.json().id}`, { cookie: cookies.viewer });
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(file.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect((await t.call('GET', `/api/dialogue-files/${notice.json().id}`, { cookie: cookies.hanoi })).statusCode).toBe(404);
    expect((await list(s.id, cookies.hanoi)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select(['record_type', 'after']).where('action', '=', 'reception_session.file.add').where('record_id', '=', s.id).orderBy('id').execute();
    expect(audit.map((a) => [a.record_type, (a.after as { purpose: string }).purpose])).toEqual([
      ['reception_session', 'notice'],
      ['reception_session', 'results'],
      ['reception_session', 'minutes'],
    ]);
    expect(await counts()).toEqual({ files: before.files + 3, audit: before.audit + 3 });

    expect((await t.call('DELETE', `/api/dialogue-files/${notice.json().id}`, { cookie: cookies.viewer })).statusCode).toBe(403);
    const removed = await t.call('DELETE', `/api/dialogue-files/${notice.json().id}`, { cookie: cookies.editor });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(((await list(s.id)).json() as DialogueFileList).items.map((f) => f.purpose)).toEqual(['results', 'minutes']);
    expect((await t.call('GET', `/api/dialogue-files/${notice.json().id}`, { cookie: cookies.editor })).statusCode).toBe(404);
    const kept = await t.db.selectFrom('reception_session_files').select('hidden_at').where('id', '=', notice.json().id).executeTakeFirstOrThrow();
    expect(kept.hidden_at).not.toBeNull();
    const hidden = await t.db.selectFrom('audit_log').select('before').where('action', '=', 'reception_session.file.hide').where('record_id', '=', s.id).execute();
    expect(hidden).toEqual([{ before: { evidenceId: notice.json().id, purpose: 'notice', fileName: 'Thông báo hội nghị đối thoại.pdf' } }]);
  });

  it('refuses a reception session, an unknown purpose, a file by its content, an empty or too large file, too many files and a reader, storing nothing', async () => {
    const s = await buildSession(t.db, { unitId: commune });
    const reception = await buildSession(t.db, { unitId: commune, kind: 'reception', title: 'Tiếp công dân định kỳ' });
    const full = await buildSession(t.db, { unitId: commune });
    for (let i = 0; i < 30; i++) await buildDialogueFile(t.db, full.id, 'minutes', `bien-ban-${i}.pdf`);
    const before = await counts();
    const onReception = await upload(reception.id, 'notice', 'thong-bao.pdf', SAMPLE_FILES.pdf);
    expect(onReception.statusCode).toBe(400);
    expect(onReception.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'params.id', code: 'not_dialogue' })] });
    const purpose = await upload(s.id, 'photos', 'anh.jpg', SAMPLE_FILES.jpeg);
    expect(purpose.statusCode).toBe(400);
    expect(purpose.json().error.details).toEqual([expect.objectContaining({ path: 'querystring.purpose' })]);
    expect((await upload(s.id, 'notice', 'thong-bao.pdf', SAMPLE_FILES.png)).json().error.code).toBe('UNSUPPORTED_FILE');
    expect((await upload(s.id, 'notice', 'thong-bao.jpg', SAMPLE_FILES.exe)).json().error.code).toBe('UNSUPPORTED_FILE');
    expect((await upload(s.id, 'notice', 'rong.pdf', Buffer.alloc(0))).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.file', code: 'empty' })] });
    const big = await upload(s.id, 'minutes', 'lon.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const tooMany = await upload(full.id, 'minutes', 'bien-ban-31.pdf', SAMPLE_FILES.pdf);
    expect(tooMany.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.file', code: 'too_many' })] });
    expect((await upload(s.id, 'notice', 'x.pdf', SAMPLE_FILES.pdf, cookies.viewer)).statusCode).toBe(403);
    expect((await upload(s.id, 'notice', 'x.pdf', SAMPLE_FILES.pdf, cookies.hanoi)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
