import { ApiError } from '../../app/api-client';

export type ImplementerBody = { unitId: string } | { personName: string };

/**
 * The `implementers` a registration sends: the picked units first (a unit picked twice implements
 * once), then the people by name (blank names left out).
 */
export function implementersOf(units: readonly { unitId?: string }[] | undefined, people: readonly string[] | undefined): ImplementerBody[] {
  const unitIds = [...new Set((units ?? []).flatMap((u) => (u.unitId ? [u.unitId] : [])))];
  const names = (people ?? []).map((p) => p.trim()).filter(Boolean);
  return [...unitIds.map((unitId) => ({ unitId })), ...names.map((personName) => ({ personName }))];
}

/**
 * The rows of the unit pickers holding a unit the server refused: its `body.implementers.<n>.unitId`
 * counts the implementers as sent, so `n` is looked up in `sent` and every row with that unit is marked.
 */
export function refusedUnitRows(error: unknown, sent: readonly ImplementerBody[], rows: readonly { unitId?: string }[] | undefined): number[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const refused = new Set<string>();
  for (const d of error.details as { path?: unknown }[]) {
    const match = typeof d?.path === 'string' ? /^body\.implementers\.(\d+)\.unitId$/.exec(d.path) : null;
    const item = match ? sent[Number(match[1])] : undefined;
    if (item && 'unitId' in item) refused.add(item.unitId);
  }
  return (rows ?? []).flatMap((row, index) => (row.unitId && refused.has(row.unitId) ? [index] : []));
}
