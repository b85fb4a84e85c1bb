/**
 * A publication's evidence files (docs/grassroots-democracy.md §5): a photo of the notice board, a
 * scan of the minutes, the document posted — checked by content, kept with their hash, hidden not
 * deleted, read as the publication is, audited, and never on the public page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceFile } from '../../../common/grassroots-files.js';
import type { Publication, PublicGrassroots } from '../../../common/grassroots.js';
import { multipartFile, SAMPLE_FILES } from '../entries/entries.factories.js';
import { sampleDocx } from '../policy-documents/policy-documents.factories.js';
import { buildUnit, buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPublication, buildPublicationFile } from './grassroots.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { province: string; commune: string; other: string; front: string };
const BASE = '/api/grassroots';

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(2).execute();
  const front = await buildUnit(t.db, { parentId: communes[0]!.id, kind: 'fatherland_front', name: 'Ủy ban MTTQ xã' });
  ids = { province: ninhBinh.id, commune: communes[0]!.id, other: communes[1]!.id, front: front.id };
  const users: [string, string, 'editor' | 'approver' | 'viewer'][] = [
    ['pf.editor', communes[0]!.id, 'editor'],
    ['pf.front', front.id, 'editor'],
    ['pf.othereditor', communes[1]!.id, 'editor'],
    ['pf.approver', ninhBinh.id, 'approver'],
    ['pf.viewer', ninhBinh.id, 'viewer'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

const upload = (publicationId: string, fileName: string, data: Buffer, cookie = cookies.editor!) => {
  const { payload, headers } = multipartFile(fileName, data, 'application/octet-stream');
  return t.app.inject({ method: 'POST', url: `${BASE}/publications/${publicationId}/files`, payload, headers: { ...headers, cookie } });
};
const count = async (table: 'publication_files' | 'audit_log') => Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => ({ files: await count('publication_files'), audit: await count('audit_log') });
const listed = async (id: string, year = 2026, cookie = cookies.editor) =>
  ((await t.call('GET', `${BASE}/publications?unitId=${ids.commune}&year=${year}`, { cookie })).json() as { items: Publication[] }).items.find((p) => p.id === id)!;
const publicView = async () => (await t.call('GET', `/api/public/grassroots?unitId=${ids.commune}`)).json() as PublicGrassroots;

describe('evidence files of a publication', () => {
  it('takes a photo, a scan and the document, lists them with the publication, serves them to its readers, and leaves the approved public record as it was', async () => {
    const created = await t.call('POST', `${BASE}/publications`, {
      cookie: cookies.editor,
      body: { unitId: ids.commune, itemCode: 'budget', documentTitle: 'Nghị quyết dự toán ngân sách xã năm 2026', documentDate: '2026-01-05', forms: ['notice_board'], publishedOn: '2026-01-08', public: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as Publication;
    expect(p.files).toEqual([]);
    const approved = await t.call('POST', `${BASE}/publications/${p.id}/review`, { cookie: cookies.approver, body: { approve: true, version: p.version } });
    expect(approved.json()).toMatchObject({ publicState: 'approved' });
    const before = await counts();

    const photo = await upload(p.id, 'Ảnh bảng tin thôn Đông.jpg', SAMPLE_FILES.jpeg);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json() as EvidenceFile).toMatchObject({ fileName: 'Ảnh bảng tin thôn Đông.jpg', contentType: 'image/jpeg', sizeBytes: SAMPLE_FILES.jpeg.length });
    expect((await upload(p.id, 'bien-ban.png', SAMPLE_FILES.png, cookies.front)).statusCode).toBe(201);
    expect((await upload(p.id, 'bien-ban-niem-yet.pdf', SAMPLE_FILES.pdf)).statusCode).toBe(201);
    const docx = await upload(p.id, 'nghi-quyet.docx', sampleDocx());
    expect(docx.json().contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const after = await listed(p.id);
    expect(after.files.map((f) => f.fileName)).toEqual(['Ảnh bảng tin thôn Đông.jpg', 'bien-ban.png', 'bien-ban-niem-yet.pdf', 'nghi-quyet.docx']);
    // A file is not part of what was published: the record's version and public state stay.
    expect(after).toMatchObject({ version: approved.json().version, publicState: 'approved' });
    const pending = (await t.call('GET', `${BASE}/pending?unitId=${ids.province}`, { cookie: cookies.approver })).json() as { publications: Publication[] };
    expect(pending.publications.map((x) => x.id)).not.toContain(p.id);

    const file = await t.call('GET', `${BASE}/publication-files/${photo.json().id}`, { cookie: cookies.viewer });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.equals(SAMPLE_FILES.jpeg)).toBe(true);
    // A reader of another commune does not read it: not found, never a hint it exists.
    const foreign = await t.call('GET', `${BASE}/publication-files/${photo.json().id}`, { cookie: cookies.othereditor });
    expect(foreign.statusCode).toBe(404);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'record_type', 'record_id', 'after']).where('action', '=', 'publication.file.add').where('record_id', '=', p.id).execute();
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ record_type: 'publication', after: { fileName: 'Ảnh bảng tin thôn Đông.jpg', contentType: 'image/jpeg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await counts()).toEqual({ files: before.files + 4, audit: before.audit + 4 });

    // The public page shows the publication, never its evidence (a photo can show people's faces and names).
    const shown = await publicView();
    expect(shown.publications.map((x) => x.documentTitle)).toContain(p.documentTitle);
    const text = JSON.stringify(shown);
    expect(text).not.toContain('bien-ban');
    expect(text).not.toContain('fileName');
    expect(shown.publications.every((x) => !('files' in x) && !('evidence' in x))).toBe(true);
  });

  it('refuses a file by its content, an empty file, one too large, and callers who do not write the publication, storing nothing', async () => {
    const p = await buildPublication(t.db, { unitId: ids.commune, documentTitle: 'Quyết toán ngân sách xã năm 2025' });
    const before = await counts();
    const refusals: [string, Buffer, number, string][] = [
      ['anh.pdf', SAMPLE_FILES.png, 415, 'UNSUPPORTED_FILE'], // a PNG renamed .pdf
      ['bang-tin.jpg', SAMPLE_FILES.exe, 415, 'UNSUPPORTED_FILE'], // a program renamed .jpg
      ['bao-cao.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]), 415, 'UNSUPPORTED_FILE'], // a zip that is no Word document
      ['anh.webp', SAMPLE_FILES.webp, 415, 'UNSUPPORTED_FILE'], // WebP is not among the accepted types
      ['rong.pdf', Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
      ['lon.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]), 413, 'FILE_TOO_LARGE'],
    ];
    for (const [name, data, status, code] of refusals) {
      const res = await upload(p.id, name, data);
      expect([res.statusCode, res.json().error.code], name).toEqual([status, code]);
    }
    const empty = await upload(p.id, 'rong.pdf', Buffer.alloc(0));
    expect(empty.json().error.details).toEqual([expect.objectContaining({ path: 'body.file', code: 'empty' })]);
    expect((await upload(p.id, 'x.pdf', SAMPLE_FILES.pdf, cookies.viewer)).statusCode).toBe(403);
    expect((await upload(p.id, 'x.pdf', SAMPLE_FILES.pdf, cookies.othereditor)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it(`refuses one file past the limit`, async () => {
    const p = await buildPublication(t.db, { unitId: ids.commune, documentTitle: 'Kế hoạch sử dụng đất năm 2026' });
    for (let i = 0; i < 20; i++) await buildPublicationFile(t.db, p.id, `anh-${i}.pdf`);
    const before = await counts();
    const res = await upload(p.id, 'anh-21.pdf', SAMPLE_FILES.pdf);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.file', code: 'too_many' })] });
    expect(await counts()).toEqual(before);
  });

  it('hides a file on removal: gone from the list and no longer served, kept in the database, audited', async () => {
    const p = await buildPublication(t.db, { unitId: ids.commune, documentTitle: 'Thông báo thu phí chợ', publishedOn: '2026-04-02' });
    const a = (await upload(p.id, 'anh-cho.jpg', SAMPLE_FILES.jpeg)).json() as EvidenceFile;
    const b = (await upload(p.id, 'bien-ban-cho.pdf', SAMPLE_FILES.pdf)).json() as EvidenceFile;
    expect((await t.call('DELETE', `${BASE}/publication-files/${a.id}`, { cookie: cookies.viewer })).statusCode).toBe(403);
    expect((await t.call('DELETE', `${BASE}/publication-files/${a.id}`, { cookie: cookies.othereditor })).statusCode).toBe(404);
    const removed = await t.call('DELETE', `${BASE}/publication-files/${a.id}`, { cookie: cookies.front });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await listed(p.id)).files.map((f) => f.id)).toEqual([b.id]);
    expect((await t.call('GET', `${BASE}/publication-files/${a.id}`, { cookie: cookies.editor })).statusCode).toBe(404);
    expect((await t.call('DELETE', `${BASE}/publication-files/${a.id}`, { cookie: cookies.editor })).statusCode).toBe(404);
    const kept = await t.db.selectFrom('publication_files').select(['hidden_at', 'hidden_by']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(kept.hidden_at).not.toBeNull();
    const audit = await t.db.selectFrom('audit_log').select(['record_type', 'before']).where('action', '=', 'publication.file.hide').where('record_id', '=', p.id).execute();
    expect(audit).toEqual([{ record_type: 'publication', before: { evidenceId: a.id, fileName: 'anh-cho.jpg' } }]);
  });
});

describe('the items of a year', () => {
  it('are listed for a commune only: a province or an organization is refused naming unitId', async () => {
    expect((await t.call('GET', `${BASE}/items?unitId=${ids.commune}&year=2026`, { cookie: cookies.viewer })).statusCode).toBe(200);
    for (const unitId of [ids.province, ids.front]) {
      const res = await t.call('GET', `${BASE}/items?unitId=${unitId}&year=2026`, { cookie: cookies.viewer });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'querystring.unitId', code: 'not_commune' })] });
    }
    // The figures work at any level.
    expect((await t.call('GET', `${BASE}/figures?unitId=${ids.province}&year=2026`, { cookie: cookies.viewer })).statusCode).toBe(200);
  });
});
