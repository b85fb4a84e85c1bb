/**
 * Histories name people, not sign-in names: an entry's steps, a petition's steps and a unit's
 * recorded changes show "Nguyễn Văn An", not "nv.an" (the stored actor_name is the sign-in name
 * of the moment; the name shown is read from the account, so a corrected name shows everywhere).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail } from '../../../common/entries.js';
import type { PetitionDetail } from '../../../common/petitions.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPetition } from '../petitions/petitions.factories.js';

let t: TestApp;
let officer: string;
let admin: string;
let officerId: string;
let baDinh: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
  const user = await buildUser(t.db, { username: 'nv.an', displayName: 'Nguyễn Văn An', grants: [{ unitId: baDinh, role: 'editor' }] });
  officerId = user.id;
  await buildUser(t.db, { username: 'qt.binh', displayName: 'Trần Thị Bình', grants: [{ unitId: root.id, role: 'system_admin' }] });
  officer = await t.login('nv.an');
  admin = await t.login('qt.binh');
});

const get = async <T>(url: string, cookie: string) => {
  const res = await t.call('GET', url, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('histories', () => {
  it('an entry\'s steps are signed with the person\'s name, and a corrected name shows at once', async () => {
    const created = await t.call('POST', '/api/entries', {
      cookie: officer,
      body: { registeringUnitId: baDinh, level: 'commune', kind: 'model', form: 'collective', fieldCode: 'economic', year: 2026, title: 'Tổ tự quản đường làng' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<EntryDetail>().id;
    expect((await get<EntryDetail>(`/api/entries/${id}`, officer)).transitions.map((x) => x.actorName)).toEqual(['Nguyễn Văn An']);
    await t.db.updateTable('users').set({ display_name: 'Nguyễn Văn Ân' }).where('id', '=', officerId).execute();
    expect((await get<EntryDetail>(`/api/entries/${id}`, officer)).transitions.map((x) => x.actorName)).toEqual(['Nguyễn Văn Ân']);
    await t.db.updateTable('users').set({ display_name: 'Nguyễn Văn An' }).where('id', '=', officerId).execute();
  });

  it('a petition\'s steps name the officer, and no one for the citizen on the public page', async () => {
    const received = await t.call('POST', '/api/petitions', {
      cookie: officer,
      body: {
        unitId: baDinh,
        kind: 'recommendation',
        channel: 'in_person',
        submitter: { name: 'Lê Văn Cường' },
        categoryCode: 'land',
        title: 'Kiến nghị sửa đường',
        content: 'Đề nghị sửa đoạn đường liên thôn.',
        receivedOn: '2026-02-10',
      },
    });
    expect(received.statusCode, received.body).toBe(201);
    const detail = await get<PetitionDetail>(`/api/petitions/${received.json<{ id: string }>().id}`, officer);
    expect(detail.transitions.map((x) => x.actorName)).toEqual(['Nguyễn Văn An']);

    // The public page records its steps under the sign-in name "public", with no account.
    const online = await buildPetition(t.db, { unitId: baDinh });
    await t.db.insertInto('petition_transitions').values({ petition_id: online.id, action: 'receive', from_status: null, to_status: 'received', actor_id: null, actor_name: 'public' }).execute();
    expect((await get<PetitionDetail>(`/api/petitions/${online.id}`, officer)).transitions.map((x) => x.actorName)).toEqual([null]);
  });

  it('a unit\'s recorded changes name the administrator', async () => {
    const unit = await buildUnit(t.db, { parentId: baDinh, name: 'Chi hội Phụ nữ tổ 3' });
    const renamed = await t.call('PATCH', `/api/units/${unit.id}`, { cookie: admin, body: { name: 'Chi hội Phụ nữ tổ dân phố 3', version: unit.version } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const history = await get<{ events: { actorName: string | null }[] }>(`/api/units/${unit.id}/history`, admin);
    expect(history.events.map((e) => e.actorName)).toEqual(['Trần Thị Bình']);
  });
});
