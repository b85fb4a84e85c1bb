import { describe, expect, it } from 'vitest';
import { checkLevel, titleKey } from './entry-rules.js';

describe('entry rules', () => {
  it('keys titles without accents, case or extra spacing', () => {
    expect(titleKey('  Dân vận  khéo   ĐƯỜNG làng ')).toBe(titleKey('dan van kheo duong lang'));
    expect(titleKey('Mô hình A')).not.toBe(titleKey('Mô hình B'));
  });

  const commune = { id: '30', kind: 'commune', validFrom: '2025-07-01', validTo: null };
  const oldCommune = { id: '20', kind: 'commune', validFrom: null, validTo: '2025-07-01' };
  const district = { id: '10', kind: 'district', validFrom: null, validTo: '2025-07-01' };
  const province = { id: '2', kind: 'province', validFrom: null, validTo: null };
  const org = { id: '40', kind: 'womens_union', validFrom: null, validTo: null };

  it('finds the unit of the registration level on the path', () => {
    expect(checkLevel('commune', 2026, [org, commune, province])).toEqual({ ok: true, levelUnitId: '30' });
    expect(checkLevel('province', 2026, [org, commune, province])).toEqual({ ok: true, levelUnitId: '2' });
    expect(checkLevel('district', 2024, [oldCommune, district, province])).toEqual({ ok: true, levelUnitId: '10' });
  });

  it('refuses a level not above the unit, districts after 2025 and units not in force that year', () => {
    expect(checkLevel('commune', 2026, [province])).toEqual({ ok: false, code: 'LEVEL_NOT_ON_PATH' });
    expect(checkLevel('district', 2026, [org, commune, province])).toEqual({ ok: false, code: 'DISTRICT_AFTER_2025' });
    expect(checkLevel('commune', 2024, [commune, province])).toEqual({ ok: false, code: 'UNIT_NOT_IN_FORCE' });
    expect(checkLevel('commune', 2026, [oldCommune, district, province])).toEqual({ ok: false, code: 'UNIT_NOT_IN_FORCE' });
  });
});
