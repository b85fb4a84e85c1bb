/**
 * The audit log in the reader's words (issue 12: "English field names, codes and raw JSON"): every
 * field the vocabulary lists is named in all seven languages, and a record's changes read as an
 * officer reads them — names instead of ids, the screen's words instead of codes, dates in the
 * locale's form, no JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/access';
import { formatters } from '../../ui/use-format';
import { AUDIT_FIELDS } from '../../ui/audit-vocabulary';
import type { AuditRecord } from './audit.api';
import { changeRows, recordText, type Words } from './audit-words';

const catalog = (locale: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales', `${locale}.json`), 'utf8')) as Record<string, Record<string, string>>;

let vi: i18n;
let ar: i18n;
const words = (i: i18n, locale: 'vi' | 'ar'): Words => ({ t: (k, v) => i.t(k, v ?? {}), exists: (k) => i.exists(k), language: locale, format: formatters(locale, 'Asia/Ho_Chi_Minh') });

beforeAll(async () => {
  vi = i18next.createInstance();
  await vi.init({ lng: 'vi', resources: { vi: { translation: catalog('vi') } }, interpolation: { escapeValue: false } });
  ar = i18next.createInstance();
  await ar.init({ lng: 'ar', resources: { ar: { translation: catalog('ar') } }, interpolation: { escapeValue: false } });
});

const record = (r: Partial<AuditRecord>): AuditRecord => ({
  id: '1', at: '2026-12-05T02:00:00Z', actorId: '7', actorName: 'Nguyễn Văn An', actorUsername: 'an.nv', unitId: '3', unitName: 'Phường Ba Đình',
  action: 'petition.assign', recordType: 'petition', recordId: '42', recordName: '12/2026', before: null, after: null, refs: {}, ip: null, ...r,
});

describe('audit field names', () => {
  it.each(LOCALES.map((l) => [l]))('every listed field has a name in %s', (locale) => {
    const fields = catalog(locale).auditFields ?? {};
    for (const f of AUDIT_FIELDS) expect(fields[f], `${locale}: auditFields.${f}`).toMatch(/\S/);
  });
});

describe('a record in the reader\'s words', () => {
  it('names units by their name, statuses in the screen\'s words, and hides the version counter', () => {
    const r = record({
      before: { status: 'classified', handling_unit_id: '3', version: 2 },
      after: { status: 'assigned', handling_unit_id: '9', version: 3 },
      refs: { 'unit:3': 'Phường Ba Đình', 'unit:9': 'Đoàn Thanh niên phường Ba Đình' },
    });
    expect(changeRows(r, words(vi, 'vi'))).toEqual([
      { field: 'status', label: 'Trạng thái', before: 'Đã phân loại', after: 'Đã giao xử lý' },
      { field: 'handling_unit_id', label: 'Đơn vị xử lý', before: 'Phường Ba Đình', after: 'Đoàn Thanh niên phường Ba Đình' },
    ]);
    expect(recordText(r, 'Đơn thư', { language: 'vi' })).toBe('Đơn thư: 12/2026');
  });

  it('writes dates the locale\'s way, booleans as words, catalogue codes by their name in the reader\'s language, and no JSON', () => {
    const r = record({
      recordType: 'commendation',
      before: null,
      after: { formCode: 'certificate_of_merit', decisionDate: '2026-01-15', entryIds: ['5', '6'], anonymous: false, attachments: [{ fileName: 'qd.pdf', sizeBytes: 1200 }] },
      refs: { 'form:certificate_of_merit': { vi: 'Bằng khen', ar: 'شهادة تقدير' }, 'entry:5': 'Dân vận khéo ở bản Lác', 'entry:6': null },
    });
    const rows = Object.fromEntries(changeRows(r, words(vi, 'vi')).map((c) => [c.label, c.after]));
    expect(rows).toEqual({
      'Hình thức khen thưởng': 'Bằng khen',
      'Ngày quyết định': '15/01/2026',
      'Mô hình, điển hình': 'Dân vận khéo ở bản Lác, #6',
      'Ẩn danh': 'Không',
      'Tệp đính kèm': 'Tên tệp: qd.pdf; Dung lượng (byte): 1.200',
    });
    for (const c of changeRows(r, words(ar, 'ar'))) {
      expect(c.label).not.toMatch(/[A-Za-z]{3}/);
      expect(c.after).not.toMatch(/[{}"]/);
    }
    expect(changeRows(r, words(ar, 'ar')).find((c) => c.field === 'formCode')?.after).toBe('شهادة تقدير');
  });

  it('falls back to the id for a name the reader may not see, and to the code for an unknown field', () => {
    const r = record({ recordType: 'unit', recordName: null, before: { parentId: '4' }, after: { parentId: '5', someNewField: 'x' }, refs: { 'unit:4': null, 'unit:5': 'Tỉnh Một' } });
    expect(changeRows(r, words(vi, 'vi'))).toEqual([
      { field: 'parentId', label: 'Đơn vị cấp trên', before: '#4', after: 'Tỉnh Một' },
      { field: 'someNewField', label: 'someNewField', before: undefined, after: 'x' },
    ]);
    expect(recordText(r, 'Đơn vị', { language: 'vi' })).toBe('Đơn vị #42');
  });

  it('writes money and land the database hands over as text as numbers', () => {
    const r = record({ recordType: 'entry', after: { moneyVnd: '2450000000', landM2: '8400.00' } });
    expect(changeRows(r, words(vi, 'vi')).map((c) => c.after)).toEqual(['2.450.000.000', '8.400']);
  });
});
