import { describe, expect, it } from 'vitest';
import { defaultIssuingBody, eraDate, numberAndSymbol, recipientsOf } from './party-issuing-body.js';

describe('the default issuing body, by level and by the era of the document\'s date', () => {
  it('a province: Ban Dân vận (BDVTU) until the 2025 merger, Ban Tuyên giáo và Dân vận (BTGDVTU) from 1 March 2025', () => {
    const ninhBinh = { kind: 'province', name: 'Tỉnh Ninh Bình' };
    expect(defaultIssuingBody(ninhBinh, '2024-12-20')).toEqual({ superior: 'TỈNH ỦY NINH BÌNH', name: 'BAN DÂN VẬN', symbol: 'BDVTU', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' });
    expect(defaultIssuingBody(ninhBinh, '2025-02-28').symbol).toBe('BDVTU');
    expect(defaultIssuingBody(ninhBinh, '2025-03-01')).toEqual({ superior: 'TỈNH ỦY NINH BÌNH', name: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', symbol: 'BTGDVTU', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' });
    expect(defaultIssuingBody({ kind: 'province', name: 'Thành phố Hà Nội' }, '2026-01-10')).toMatchObject({ superior: 'THÀNH ỦY HÀ NỘI', symbol: 'BTGDVTU' });
  });

  it('a district of before 1 July 2025, by its committee', () => {
    expect(defaultIssuingBody({ kind: 'district', name: 'Huyện Gia Viễn', validTo: '2025-07-01' }, '2024-06-30')).toEqual({ superior: 'HUYỆN ỦY GIA VIỄN', name: 'BAN DÂN VẬN', symbol: 'BDVHU', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' });
    expect(defaultIssuingBody({ kind: 'district', name: 'Quận Ba Đình', validTo: '2025-07-01' }, '2025-04-01')).toMatchObject({ superior: 'QUẬN ỦY BA ĐÌNH', name: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', symbol: 'BTGDVQU' });
    expect(defaultIssuingBody({ kind: 'district', name: 'Thị xã Sơn Tây' }, '2023-01-01')).toMatchObject({ superior: 'THỊ ỦY SƠN TÂY', symbol: 'BDVTU' });
    // Printed in 2026, a district gone in 2025 keeps the body it last had, not one it never had.
    expect(eraDate({ validTo: '2025-07-01' }, '2026-05-01')).toBe('2025-06-30');
    expect(defaultIssuingBody({ kind: 'district', name: 'Thành phố Ninh Bình', validTo: '2025-01-01' }, '2026-05-01')).toMatchObject({ superior: 'THÀNH ỦY NINH BÌNH', name: 'BAN DÂN VẬN', symbol: 'BDVTU' });
  });

  it('a commune: its Party committee, under the Party organization of its parent in the tree (district before July 2025, province after)', () => {
    const before = defaultIssuingBody({ kind: 'commune', name: 'Xã Gia Hưng', validTo: '2025-07-01', parent: { kind: 'district', name: 'Huyện Gia Viễn' } }, '2024-05-01');
    expect(before).toEqual({ superior: 'ĐẢNG BỘ HUYỆN GIA VIỄN', name: 'ĐẢNG ỦY XÃ GIA HƯNG', symbol: 'ĐU', signerAuthority: 'T/M ĐẢNG ỦY', signerPosition: 'BÍ THƯ' });
    const after = defaultIssuingBody({ kind: 'commune', name: 'Phường Hoa Lư', parent: { kind: 'province', name: 'Tỉnh Ninh Bình' } }, '2025-12-01');
    expect(after).toMatchObject({ superior: 'ĐẢNG BỘ TỈNH NINH BÌNH', name: 'ĐẢNG ỦY PHƯỜNG HOA LƯ', symbol: 'ĐU' });
  });

  it('the centre, and an organization (its own name, no symbol until it sets one)', () => {
    expect(defaultIssuingBody({ kind: 'country', name: 'Việt Nam' }, '2025-01-15')).toMatchObject({ superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG', name: 'BAN DÂN VẬN', symbol: 'BDVTW' });
    expect(defaultIssuingBody({ kind: 'country', name: 'Việt Nam' }, '2025-02-03')).toMatchObject({ name: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', symbol: 'BTGDVTW' });
    expect(defaultIssuingBody({ kind: 'womens_union', name: 'Hội Liên hiệp Phụ nữ tỉnh Ninh Bình' }, '2025-12-01')).toEqual({ superior: '', name: 'HỘI LIÊN HIỆP PHỤ NỮ TỈNH NINH BÌNH', symbol: '', signerAuthority: '', signerPosition: '' });
    expect(numberAndSymbol('7', 'BC', '')).toBe('Số 7-BC');
    expect(numberAndSymbol(undefined, 'BC', 'ĐU')).toBe('Số     -BC/ĐU');
  });

  it('recipients follow the era too', () => {
    expect(recipientsOf({ kind: 'province', name: 'Tỉnh Ninh Bình' }, '2024-12-01')).toEqual({ committee: 'Tỉnh ủy Ninh Bình', superiorCommission: 'Ban Dân vận cấp trên' });
    expect(recipientsOf({ kind: 'commune', name: 'Phường Hoa Lư' }, '2025-12-01')).toEqual({ committee: 'Đảng ủy phường Hoa Lư', superiorCommission: 'Ban Tuyên giáo và Dân vận cấp trên' });
  });
});
