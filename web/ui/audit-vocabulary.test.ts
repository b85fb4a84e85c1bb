/**
 * Every audit action and record type the server writes has its words in the audit log: an
 * action missing here is shown to officers as its code ("policy_document.issue"). The server's
 * literal `action: '…'` and `recordType: '…'` values are read from its source; composed ones
 * (`entry.${action}`) are covered by their module's own list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, RECORD_TYPES } from './audit-vocabulary';

const serverDir = path.resolve(import.meta.dirname, '../../server');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('.probes.') && !name.includes('.factories.') ? [full] : [];
  });
}

const text = sources(serverDir).map((f) => readFileSync(f, 'utf8')).join('\n');
// An audit action always has a dot (`record.verb`); `action: 'assign'` elsewhere names a step in an error's details.
const literals = (key: string, pattern: string) => [...new Set([...text.matchAll(new RegExp(`${key}: '(${pattern})'`, 'g'))].map((m) => m[1]!))].sort();

describe('the audit vocabulary', () => {
  it('names every action the server writes', () => {
    const actions = literals('action', '[a-z_]+\\.[a-z_.]+');
    expect(actions.length).toBeGreaterThan(50);
    expect(actions.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it('names every record type the server writes', () => {
    const types = literals('recordType', '[a-z_]+');
    expect(types.length).toBeGreaterThan(15);
    expect(types.filter((r) => !(RECORD_TYPES as readonly string[]).includes(r))).toEqual([]);
  });
});
