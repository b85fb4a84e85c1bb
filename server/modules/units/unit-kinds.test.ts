import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/access.js';
import { buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.db, { username: 'kinds.viewer', grants: [{ unitId: (await rootUnit(t.db)).id, role: 'viewer' }] });
  cookie = await t.login('kinds.viewer');
});

describe('unit kinds', () => {
  it('names every built-in kind in all seven languages of the interface', async () => {
    const { items } = (await t.call('GET', '/api/unit-kinds', { cookie })).json() as { items: { code: string; builtin: boolean; names: Record<string, string> }[] };
    const builtin = items.filter((k) => k.builtin);
    expect(builtin.length).toBeGreaterThanOrEqual(14);
    const missing = builtin.flatMap((k) => LOCALES.filter((l) => !k.names[l]?.trim()).map((l) => `${k.code}.${l}`));
    expect(missing).toEqual([]);
  });
});
