import { beforeAll, describe, expect, it } from 'vitest';
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import { buildOfficialDataset, classifyMergeNote, cleanName, type OfficialDataset, readSeedTexts, seedChecksum, unitKey } from './units.seed.js';

let data: OfficialDataset;
beforeAll(() => {
  data = buildOfficialDataset(readSeedTexts());
});

describe('reading the official files', () => {
  it('understands every spelling of the merge notes', () => {
    expect(classifyMergeNote('Nhập toàn bộ')).toBe('whole');
    expect(classifyMergeNote(' Nhập toàn bộ diện tích ')).toBe('whole');
    expect(classifyMergeNote('Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo')).toBe('whole');
    expect(classifyMergeNote('Nhập một phần')).toBe('partial');
    expect(classifyMergeNote('Nhập một  phần\n')).toBe('partial');
    expect(classifyMergeNote('Nhâp một phần diện tích')).toBe('partial');
    expect(classifyMergeNote('Nhập một phần diện tích, toàn bộ dân số')).toBe('partial');
    expect(classifyMergeNote('Đổi tên từ một phần Phường 15')).toBe('partial');
    expect(classifyMergeNote('Phần còn lại sau khi tách một phần vào xã Canh Vinh')).toBe('partial');
    expect(classifyMergeNote('Giữ nguyên ')).toBe('unchanged');
    expect(classifyMergeNote('Đổi tên')).toBe('unchanged');
    expect(classifyMergeNote('Đổi loại hình')).toBe('unchanged');
    expect(classifyMergeNote('something else')).toBeNull();
  });

  it('cleans names without changing them otherwise', () => {
    expect(cleanName('Huyện  Vũng Liêm')).toBe('Huyện Vũng Liêm');
    expect(cleanName(' Xã Tân Lộc \n')).toBe('Xã Tân Lộc');
    expect(cleanName('Thị Trấn Mường Chà')).toBe('Thị trấn Mường Chà');
    expect(cleanName('xã Bắc Sơn')).toBe('Xã Bắc Sơn');
    expect(cleanName('Phường Từ Sơn'.normalize('NFD'))).toBe('Phường Từ Sơn'.normalize('NFC'));
    expect(cleanName('Xã Xuân Quang 3')).toBe('Xã Xuân Quang 3');
  });

  it('builds units with unique natural keys whose parents come first', () => {
    const seen = new Set<string>();
    for (const u of data.units) {
      expect(seen.has(u.key), u.key).toBe(false);
      if (u.parentKey) expect(seen.has(u.parentKey), `${u.key} before its parent ${u.parentKey}`).toBe(true);
      seen.add(u.key);
      expect(u.key).toBe(unitKey(u.kind, u.code, u.validFrom));
      expect(u.code).toMatch(u.kind === 'province' ? /^\d{2}$/ : u.kind === 'district' ? /^\d{3}$/ : /^\d{5}$/);
      expect(u.name).toBe(cleanName(u.name));
    }
    for (const s of data.successions) {
      expect(seen.has(s.predecessorKey), s.predecessorKey).toBe(true);
      expect(seen.has(s.successorKey), s.successorKey).toBe(true);
    }
  });

  it('resolves the conversion table\'s odd codes by name within the old district', () => {
    // The table calls Phường 14 of Quận Bình Thạnh 26929; the list has it as 26935.
    const fourteen = data.successions.filter((s) => s.predecessorKey === unitKey('commune', '26935', null));
    expect(fourteen).toHaveLength(1);
    expect(data.units.find((u) => u.key === unitKey('commune', '26929', null))).toBeUndefined();
    expect(data.anomalies.some((a) => a.type === 'code-mismatch' && a.detail.includes('26935'))).toBe(true);
  });

  it('never says "whole" for a unit split among several successors', () => {
    const byPredecessor = new Map<string, string[]>();
    for (const s of data.successions) {
      if (s.predecessorKey.startsWith('commune:')) byPredecessor.set(s.predecessorKey, [...(byPredecessor.get(s.predecessorKey) ?? []), s.kind]);
    }
    const split = [...byPredecessor].filter(([, kinds]) => kinds.length > 1);
    expect(split.length).toBeGreaterThan(100);
    for (const [key, kinds] of split) expect(kinds.every((k) => k === 'partial'), key).toBe(true);
  });

  it('gives island districts without communes their special zone and province', () => {
    const conDao = data.successions.filter((s) => s.predecessorKey === unitKey('district', '755', null));
    expect(conDao.map((s) => s.successorKey).sort()).toEqual([unitKey('commune', '26732', RESTRUCTURE_DATE), unitKey('province', '79', RESTRUCTURE_DATE)].sort());
  });

  it('has a checksum that follows the contents, not the line endings', () => {
    const texts = readSeedTexts();
    expect(seedChecksum(texts)).toBe(data.checksum);
    expect(seedChecksum({ ...texts, legacy: texts.legacy.replace(/\n/g, '\r\n') })).toBe(data.checksum);
    expect(seedChecksum({ ...texts, legacy: texts.legacy.replace('Phường Phúc Xá', 'Phường Phúc Xa') })).not.toBe(data.checksum);
  });
});
