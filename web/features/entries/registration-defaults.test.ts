import { describe, expect, it } from 'vitest';
import type { UnitDetail } from '../../../common/units';
import { registrationDefaults, singleWritableUnit } from './registration-defaults';

const grant = (unitId: string, role: 'editor' | 'viewer' | 'approver' | 'system_admin' | 'unit_admin') => ({ id: `g${unitId}${role}`, role, unitId, unitName: `Đơn vị ${unitId}` });
const ref = (id: string, kind: string) => ({ id, name: kind, kind, code: null, validFrom: null, validTo: null });
const detail = (kind: string, ancestors: string[], retired = false): Pick<UnitDetail, 'unit' | 'ancestors'> => ({
  unit: { id: 'u', parentId: 'p', kind, code: null, divisionType: null, name: 'Xã A', nameEn: null, validFrom: null, validTo: retired ? '2025-07-01' : null, retired, childCount: 0, retiredChildCount: 0, version: 1 },
  ancestors: ancestors.map((k, i) => ref(String(i), k)),
});

describe('what a new registration starts with', () => {
  it('is the one unit an editor writes for, whatever they may only read', () => {
    expect(singleWritableUnit([grant('7', 'editor'), grant('1', 'viewer'), grant('7', 'approver')])).toEqual({ unitId: '7', unitName: 'Đơn vị 7' });
    expect(singleWritableUnit([grant('7', 'editor'), grant('8', 'system_admin')])).toBeNull();
    expect(singleWritableUnit([grant('7', 'viewer'), grant('7', 'unit_admin')])).toBeNull();
    expect(singleWritableUnit(undefined)).toBeNull();
  });

  it("is the level of the nearest committee on the unit's path", () => {
    expect(registrationDefaults(detail('commune', ['country', 'province']), 2026)).toEqual({ registeringUnitId: 'u', level: 'commune' });
    expect(registrationDefaults(detail('province', ['country']), 2026)).toEqual({ registeringUnitId: 'u', level: 'province' });
    // An organization under a commune registers at the commune's level.
    expect(registrationDefaults(detail('organization', ['country', 'province', 'commune']), 2026)).toEqual({ registeringUnitId: 'u', level: 'commune' });
    // Under a district: its level up to 2025, the province's after.
    expect(registrationDefaults(detail('organization', ['country', 'province', 'district']), 2024)?.level).toBe('district');
    expect(registrationDefaults(detail('organization', ['country', 'province', 'district']), 2026)?.level).toBe('province');
  });

  it('is nothing for a unit no entry is registered for', () => {
    expect(registrationDefaults(detail('country', []), 2026)).toBeNull();
    expect(registrationDefaults(detail('commune', ['country', 'province'], true), 2026)).toBeNull();
  });
});
