import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESTRUCTURE_DATE } from '../../../common/units.js';
import { seedDataDir } from '../../paths.js';
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
    // Problems collected and compared once: an expect per unit would cost seconds.
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const u of data.units) {
      if (seen.has(u.key)) problems.push(`${u.key} twice`);
      if (u.parentKey && !seen.has(u.parentKey)) problems.push(`${u.key} before its parent ${u.parentKey}`);
      seen.add(u.key);
      if (u.key !== unitKey(u.kind, u.code, u.listedFrom)) problems.push(`${u.key}: key`);
      // A change seen first on a list happened no later than that list.
      if (u.listedFrom === null ? u.validFrom !== null : !(u.validFrom! <= u.listedFrom)) problems.push(`${u.key}: valid from ${u.validFrom}`);
      if (u.validFrom && u.validTo && !(u.validTo > u.validFrom)) problems.push(`${u.key}: empty interval`);
      if (!(u.kind === 'province' ? /^\d{2}$/ : u.kind === 'district' ? /^\d{3}$/ : /^\d{5}$/).test(u.code)) problems.push(`${u.key}: code`);
      if (u.name !== cleanName(u.name)) problems.push(`${u.key}: name`);
    }
    for (const s of data.successions) {
      if (!seen.has(s.predecessorKey) || !seen.has(s.successorKey)) problems.push(`${s.predecessorKey} → ${s.successorKey}: unknown unit`);
    }
    // The units of one code never overlap in time.
    const byCode = new Map<string, typeof data.units>();
    for (const u of data.units) byCode.set(`${u.kind}:${u.code}`, [...(byCode.get(`${u.kind}:${u.code}`) ?? []), u]);
    for (const [code, versions] of byCode) {
      const sorted = versions.sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
      sorted.slice(1).forEach((v, n) => {
        if (!sorted[n]!.validTo || sorted[n]!.validTo! > v.validFrom!) problems.push(`${code}: ${sorted[n]!.key} overlaps ${v.key}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('resolves the conversion table\'s odd codes by name within the old district', () => {
    // The table calls Phường 14 of Quận Bình Thạnh 26929; the list has it as 26935.
    const fourteen = data.successions.filter((s) => s.predecessorKey === unitKey('commune', '26935', null));
    expect(fourteen).toHaveLength(1);
    // 26929 was Phường 24 until 2025 (a unit of its day), never a commune of the legacy list.
    expect(data.units.filter((u) => u.kind === 'commune' && u.code === '26929' && u.validTo === RESTRUCTURE_DATE)).toEqual([]);
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

describe('the units of their day (lists of December 2019 – January 2025)', () => {
  const unit = (kind: string, code: string, listedFrom: string | null = null) => data.units.find((u) => u.key === `${kind}:${code}:${listedFrom ?? '-'}`);
  const successorsOf = (key: string) => data.successions.filter((s) => s.predecessorKey === key);

  it('reads each list as the one before it with the changes file applied', () => {
    // The changes file is the mechanical difference of the lists; a mismatch would be an anomaly.
    expect(data.anomalies.filter((a) => a.type === 'changes-mismatch' || a.type === 'bad-effective-date')).toEqual([]);
  });

  it('keeps a renamed or upgraded unit as one unit with its former names', () => {
    expect(data.units.filter((u) => u.kind === 'district' && u.code === '350')).toHaveLength(1);
    expect(unit('district', '350')).toMatchObject({
      name: 'Thị xã Kim Bảng',
      validFrom: null,
      validTo: RESTRUCTURE_DATE,
      formerNames: [{ name: 'Huyện Kim Bảng', divisionType: 'Huyện', validFrom: null, validTo: '2025-01-01' }],
    });
    // Thành phố Hoa Lư kept Huyện Hoa Lư's code; Thành phố Ninh Bình went away, its communes to Hoa Lư.
    expect(unit('district', '374')).toMatchObject({ name: 'Thành phố Hoa Lư', formerNames: [{ name: 'Huyện Hoa Lư', validTo: '2025-01-01' }] });
    expect(unit('district', '369')).toMatchObject({ name: 'Thành phố Ninh Bình', validFrom: null, validTo: '2025-01-01' });
    expect(successorsOf('district:369:-')).toEqual([
      { predecessorKey: 'district:369:-', successorKey: 'district:374:-', kind: 'whole', effective: '2025-01-01', basis: 'inferred', preferred: false },
    ]);
    // A province renamed before the restructure: Thừa Thiên Huế became a centrally-run city.
    expect(unit('province', '46')?.formerNames).toEqual([{ name: 'Tỉnh Thừa Thiên Huế', divisionType: 'Tỉnh', validFrom: null, validTo: '2025-01-01' }]);
  });

  it('makes a unit listed under another parent a new unit, succeeded "unchanged", with no gap', () => {
    const before = unit('commune', '07525')!;
    const after = unit('commune', '07525', '2025-01-01')!;
    expect(before).toMatchObject({ name: 'Thị trấn Chũ', parentKey: 'district:219:-', validTo: '2025-01-01' });
    expect(after).toMatchObject({ name: 'Phường Chũ', parentKey: 'district:224:2025-01-01', validFrom: '2025-01-01', validTo: RESTRUCTURE_DATE });
    expect(successorsOf(before.key)).toEqual([{ predecessorKey: before.key, successorKey: after.key, kind: 'unchanged', effective: '2025-01-01', basis: 'official', preferred: false }]);
    // Every such link joins two intervals end to start.
    const byKey = new Map(data.units.map((u) => [u.key, u]));
    for (const s of data.successions.filter((x) => x.kind === 'unchanged' && x.effective !== RESTRUCTURE_DATE)) {
      expect(byKey.get(s.predecessorKey)!.validTo, s.predecessorKey).toBe(byKey.get(s.successorKey)!.validFrom);
    }
  });

  it('takes a legal effective date from history-effective-dates.csv, else the date of the first list showing the change', () => {
    // Thành phố Thủ Đức: Resolution 1111/NQ-UBTVQH14, in force 1 January 2021; first listed 1 February 2021.
    expect(unit('district', '763')).toMatchObject({ name: 'Quận 9', validTo: '2021-01-01' });
    expect(unit('district', '769')?.formerNames).toEqual([{ name: 'Quận 2', divisionType: 'Quận', validFrom: null, validTo: '2021-01-01' }]);
    expect(successorsOf('district:763:-')).toMatchObject([{ successorKey: 'district:769:-', kind: 'whole', effective: '2021-01-01' }]);
  });

  it('gives a district that went away the districts its communes went to, the main one where most went', () => {
    // Huyện Lộc Hà: 11 communes to Huyện Thạch Hà (445), 1 to Thành phố Hà Tĩnh (436).
    expect(successorsOf('district:448:-').map((s) => [s.successorKey, s.kind, s.preferred])).toEqual([
      ['district:445:-', 'partial', true],
      ['district:436:-', 'partial', false],
    ]);
  });

  it('gives every commune that went away a successor: inferred where the rule finds one, else its district (ambiguous, listed)', () => {
    // Counted from the changes file on its own: every removal up to 1 January 2025, plus the
    // legacy list's differences from that list (6 communes of Quảng Trị and Phường Bạch Mai's old code).
    const rows = gunzipSync(readFileSync(path.join(seedDataDir, 'history/changes.csv.gz'))).toString('utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
    const upToLegacy = rows.filter((r) => r[1]! <= '2025-01-01');
    const removed = upToLegacy.filter((r) => r[4] === 'removed');
    const moved = upToLegacy.filter((r) => r[4]!.split('+').includes('moved'));
    const removedCommunes = removed.filter((r) => r[2] === 'commune').length + 7;
    const removedDistricts = removed.filter((r) => r[2] === 'district').length;
    expect(data.history.earlier).toEqual({ district: removedDistricts, commune: removedCommunes + moved.length });
    expect(data.history.moved).toBe(moved.length);
    expect(data.history.inferred + data.history.ambiguous).toBe(removedCommunes + removedDistricts);
    expect(data.ambiguous).toHaveLength(data.history.ambiguous);
    console.info(`history: ${data.history.earlier.commune} earlier communes, ${data.history.earlier.district} districts, ${data.history.formerNames} former names, ${data.history.inferred} successors inferred, ${data.history.ambiguous} ambiguous (${data.ambiguous.filter((a) => a.candidates === 'several').length} with several candidates, ${data.ambiguous.filter((a) => a.candidates === 'none').length} with none)`);

    const withSuccessor = new Set(data.successions.map((s) => s.predecessorKey));
    const gone = data.units.filter((u) => u.kind !== 'province' && u.validTo !== null && u.validTo < RESTRUCTURE_DATE);
    expect(gone.filter((u) => !withSuccessor.has(u.key)).map((u) => u.key)).toEqual([]);
    for (const a of data.ambiguous) {
      expect(successorsOf(a.predecessorKey)).toEqual([expect.objectContaining({ successorKey: a.successorKey, basis: 'ambiguous', kind: 'whole' })]);
      expect(a.successorKey.startsWith('district:'), a.predecessorKey).toBe(true);
    }
  });
});
