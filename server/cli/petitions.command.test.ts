import { beforeAll, describe, expect, it, vi } from 'vitest';
import { unitByCode } from '../test/factories.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { buildPetition } from '../modules/petitions/petitions.factories.js';
import type { Command, CommandInput } from './command.js';
import { petitionsDigestCommand, petitionsEraseCommand } from './petitions.command.js';
import { lineProgress } from './progress.js';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});

async function run(command: Command, values: CommandInput['values'] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  try {
    const code = await command.run({ config: t.config, values, positionals: [], progress: lineProgress((l) => progress.push(l)) });
    return { code, out: out.join('\n'), err: err.join('\n'), progress };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('danvan petitions', () => {
  it('prints the digest of a province with the overdue petitions of its communes', async () => {
    const hanoi = await unitByCode(t.db, 'province', '01');
    const baDinh = await unitByCode(t.db, 'commune', '00004');
    await buildPetition(t.db, { unitId: baDinh.id, status: 'in_progress', receivedOn: '2026-03-02', dueOn: '2026-03-16' });
    await buildPetition(t.db, { unitId: baDinh.id, status: 'assigned', receivedOn: '2026-03-02', dueOn: '2026-03-17' });
    const r = await run(petitionsDigestCommand, { unit: hanoi.id, date: '2026-03-17' });
    expect(r.code).toBe(0);
    const line = (name: string) => r.out.split('\n').find((l) => l.startsWith(name))!.trim().split(/\s+/).slice(-3);
    expect(line(baDinh.name)).toEqual(['1', '1', '0']);
    expect(line(hanoi.name)).toEqual(['0', '0', '1']);
  });

  it('erases expired identities and says how many', async () => {
    const ngocHa = await unitByCode(t.db, 'commune', '00008');
    await buildPetition(t.db, { unitId: ngocHa.id, status: 'rejected', closedAt: new Date('2019-05-01T00:00:00Z') });
    const r = await run(petitionsEraseCommand, { years: '5' });
    expect(r.out).toContain('Identities erased: 1');
    // Progress on stderr as it goes, batch by batch.
    expect(r.progress.at(-1)).toBe('Erasing identities: 1, finished');
    const bad = await run(petitionsEraseCommand, { years: '0' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--years must be a whole number from 1 to 100, not "0"\nUsage: danvan petitions erase-identities/);
  });
});
