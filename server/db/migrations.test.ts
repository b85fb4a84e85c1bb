import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';

describe('migrations', () => {
  it('lists every timestamped migration file in the index, in order', () => {
    const files = readdirSync(path.join(import.meta.dirname, 'migrations'))
      .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(MIGRATIONS)).toEqual(files);
  });
});
