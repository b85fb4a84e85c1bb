import { beforeAll, describe, expect, it } from 'vitest';
import type { MissingDialogues } from '../../common/dialogue.js';
import { todayInVietnam } from '../../common/units.js';
import { buildUser } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { loadDemoDialogue } from './demo-dialogue.js';
import { currentProvince, grassrootsDemoCommune } from './demo-units.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('the dialogue demo', () => {
  it('leaves Huế with exactly two communes without a conference this year, and the first Ninh Bình commune with notice and results; once', async () => {
    const first = await loadDemoDialogue(t.db, t.app.ctx);
    expect(first.dialogues).toBeGreaterThan(2);
    expect((await loadDemoDialogue(t.db, t.app.ctx)).dialogues).toBe(0);

    const hue = (await currentProvince(t.db, '46'))!;
    await buildUser(t.db, { username: 'demo-dl.viewer', grants: [{ unitId: hue.id, role: 'viewer' }] });
    const cookie = await t.login('demo-dl.viewer');
    const year = todayInVietnam().slice(0, 4);
    const m = (await t.call('GET', `/api/dialogue/missing?unitId=${hue.id}&year=${year}`, { cookie })).json<MissingDialogues>();
    expect(m.without).toBe(2);
    expect(m.held).toBe(m.communes - 2);

    const nb = (await currentProvince(t.db, '37'))!;
    const commune = await grassrootsDemoCommune(t.db, nb.id);
    const s = await t.db.selectFrom('reception_sessions').selectAll().where('unit_id', '=', commune!.id).where('kind', '=', 'dialogue').executeTakeFirstOrThrow();
    expect(s.held_on.startsWith(year)).toBe(true);
    expect(s.notice_on! < s.held_on).toBe(true);
    if (s.results_published_on) expect(s.results_published_on >= s.held_on).toBe(true);
  });
});
