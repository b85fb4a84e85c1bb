import { beforeAll, describe, expect, it } from 'vitest';
import { unitByCode } from '../../test/factories.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { findPetitionFigures } from './petitions-figures.repository.js';
import { buildPetition } from './petitions.factories.js';

let t: TestDb;
let ids: { hanoi: string; hanoiPath: string; baDinh: string; ngocHa: string };

beforeAll(async () => {
  t = await createTestDb();
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  ids = { hanoi: hanoi.id, hanoiPath: hanoi.path, baDinh: baDinh.id, ngocHa: ngocHa.id };
  // Ba Đình: one resolved on time, one resolved late, one open and overdue; Ngọc Hà: one open, not due.
  await buildPetition(t.db, { unitId: baDinh.id, status: 'resolved', receivedOn: '2026-03-02', dueOn: '2026-03-16', closedAt: new Date('2026-03-10T03:00:00Z') });
  await buildPetition(t.db, { unitId: baDinh.id, kind: 'complaint', status: 'resolved', receivedOn: '2026-03-02', dueOn: '2026-03-16', closedAt: new Date('2026-03-20T03:00:00Z') });
  await buildPetition(t.db, { unitId: baDinh.id, kind: 'complaint', status: 'in_progress', receivedOn: '2026-04-01', dueOn: '2026-04-15' });
  await buildPetition(t.db, { unitId: ngocHa.id, status: 'assigned', receivedOn: '2026-04-20', dueOn: '2026-05-20' });
  // The province's own, outside the period.
  await buildPetition(t.db, { unitId: hanoi.id, status: 'received', receivedOn: '2025-12-01', dueOn: '2025-12-15' });
});

describe('petition figures', () => {
  const base = () => ({ area: { mode: 'current' as const, path: ids.hanoiPath }, from: '2026-01-01', to: '2026-12-31', asOf: '2026-05-01' });

  it('counts by kind over a period', async () => {
    const rows = await findPetitionFigures(t.db, { ...base(), groupBy: ['kind'] });
    expect(rows).toEqual([
      { which: 0, key: { kind: 'complaint' }, received: 2, resolved: 1, resolvedOnTime: 0, resolvedLate: 1, overdue: 1 },
      { which: 0, key: { kind: 'recommendation' }, received: 2, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, overdue: 0 },
    ]);
  });

  it('judges overdue on the given day: open then and past due, even if closed since', async () => {
    const [early] = await findPetitionFigures(t.db, { ...base(), asOf: '2026-03-18', groupBy: [] });
    // On 18 March the late complaint (due 16 March, closed 20 March) was open and overdue; the April ones not yet received-due.
    expect(early).toMatchObject({ received: 4, overdue: 1 });
    const [later] = await findPetitionFigures(t.db, { ...base(), asOf: '2026-05-01', groupBy: [] });
    expect(later).toMatchObject({ received: 4, overdue: 1, resolved: 2 });
  });

  it('counts by the units under the area, and by month', async () => {
    const byUnit = await findPetitionFigures(t.db, { ...base(), groupBy: ['unit'] });
    expect(byUnit.map((r) => [r.key.unit, r.received])).toEqual(
      [
        [ids.baDinh, 3],
        [ids.ngocHa, 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const byMonth = await findPetitionFigures(t.db, { ...base(), from: '2025-01-01', groupBy: ['month'] });
    expect(byMonth.map((r) => [r.key.month, r.received, r.overdue])).toEqual([
      ['2025-12', 1, 1],
      ['2026-03', 2, 0],
      ['2026-04', 2, 1],
    ]);
  });
});
