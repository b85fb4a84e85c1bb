import type { UnitLabel } from './unit-label';

/**
 * A unit in a table cell (unit-label.ts): its name, then, quieter, where it lies and, when another
 * unit of the list bears the same name, when it was in force: "Tỉnh Ninh Bình (từ 01/07/2025)".
 */
export function UnitName({ label, fallback }: { label: UnitLabel | undefined; fallback: string }) {
  if (!label) return <>{fallback}</>;
  return (
    <span data-testid="unit-name" title={label.text}>
      {label.name}
      {label.context && <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>, {label.context}</span>}
      {label.validity && <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}> ({label.validity})</span>}
    </span>
  );
}
