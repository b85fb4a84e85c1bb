/**
 * An audit record in the reader's words: each changed field under its name in the reader's
 * language (`auditFields.*`), each value as an officer reads it — the name of the unit, person or
 * record an id points to (the server resolved them: `refs`), a status or kind in the screen's words,
 * a date as the locale writes it, "Có / Không" — never a code, an id or raw JSON where a word exists.
 * Pure (no React), so a test runs it against the real catalogs.
 */
import { auditField, auditRefKind, refKey } from '../../../common/audit-fields';
import type { Formatters } from '../../ui/use-format';
import { AUDIT_FIELDS } from '../../ui/audit-vocabulary';
import type { AuditRecord, AuditRefName } from './audit.api';

export type Words = {
  t: (key: string, values?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
  /** The reader's language (a key of catalogue names: "vi", "en", …). */
  language: string;
  format: Pick<Formatters, 'date' | 'dateTime' | 'number'>;
};

/** One changed field as shown: its name, and its value before and after (undefined: absent on that side). */
export type ChangeRow = { field: string; label: string; before?: string; after?: string };

const knownFields = new Set<string>(AUDIT_FIELDS);

/** Plumbing a reader decides nothing on (the record's optimistic-lock counter). */
const HIDDEN = new Set(['version']);

/** Where the words of a coded field are, by record type (`*`: any); the value is appended to the prefix. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  status: { entry: 'entries.status', petition: 'petitions.status', review: 'reviews.statuses', review_task: 'audit.taskStatus' },
  kind: { entry: 'entries.kind', petition: 'petitions.kind', reception_session: 'reception.kinds', holiday: 'holidays.kinds' },
  channel: { '*': 'petitions.channel' },
  level: { '*': 'entries.level' },
  role: { '*': 'roles' },
  locale: { '*': 'languageNames' },
  matchedBy: { '*': 'audit.matchedBy' },
};

/** Figures the database hands over as text (numeric columns): money and land, written as numbers. */
const NUMERIC_TEXT = new Set(['moneyVnd', 'landM2']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LONG_TEXT = 300;

/** A name resolved by the server, in the reader's language when it has several. */
export function refName(name: AuditRefName | undefined, language: string): string | undefined {
  if (name === null || name === undefined) return undefined;
  if (typeof name === 'string') return name;
  return name[language] ?? name.vi ?? Object.values(name)[0];
}

/** A field's name in the reader's language; an unknown field shows its code (better than nothing, and visible in review). */
export function fieldLabel(field: string, w: Words): string {
  const f = auditField(field);
  return knownFields.has(f) ? w.t(`auditFields.${f}`) : f;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of `field` in a record of `recordType`, as text. */
export function valueText(recordType: string, field: string, value: unknown, refs: AuditRecord['refs'], w: Words): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (!value.length) return '—';
    return value.map((v) => valueText(recordType, field, v, refs, w)).join(isPlainObject(value[0]) ? '\n' : ', ');
  }
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([k, v]) => !HIDDEN.has(auditField(k)) && v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldLabel(k, w)}: ${valueText(recordType, k, v, refs, w)}`)
      .join('; ');
  }
  const kind = auditRefKind(recordType, field);
  if (kind && (typeof value === 'string' || typeof value === 'number')) return refName(refs[refKey(kind, value)], w.language) ?? `#${value}`;
  if (typeof value === 'boolean') return w.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return w.format.number(value);
  const text = String(value);
  if (NUMERIC_TEXT.has(auditField(field)) && /^-?\d+(\.\d+)?$/.test(text)) return w.format.number(Number(text));
  const words = VALUE_WORDS[auditField(field)];
  const prefix = words?.[recordType] ?? words?.['*'];
  // The prefixes are catalog sections the screens use (VALUE_WORDS); a value they lack stays as written.
  const wordKey = prefix ? [prefix, text].join('.') : undefined;
  if (wordKey && w.exists(wordKey)) return w.t(wordKey);
  if (ISO_DATE.test(text)) return w.format.date(text);
  if (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return w.format.dateTime(text);
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT)}…` : text;
}

/** Equal by content; null and absent are the same (a creation's empty fields are no change). */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The changed fields of a record, each named and valued in the reader's words. A creation shows
 * only the new values, a removal only the old ones; a snapshot that is not an object (rare) is one
 * row without a field name.
 */
export function changeRows(record: Pick<AuditRecord, 'recordType' | 'before' | 'after' | 'refs'>, w: Words): ChangeRow[] {
  const { recordType, before, after, refs } = record;
  const text = (field: string, v: unknown) => (v === undefined || v === null ? undefined : valueText(recordType, field, v, refs, w));
  if ((before != null && !isPlainObject(before)) || (after != null && !isPlainObject(after))) {
    return same(before, after) ? [] : [{ field: '', label: '', before: text('', before), after: text('', after) }];
  }
  const left = (before ?? {}) as Record<string, unknown>;
  const right = (after ?? {}) as Record<string, unknown>;
  // The same field written in camelCase on one side and snake_case on the other is one field.
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((f) => !HIDDEN.has(auditField(f)));
  return fields
    .filter((f) => !same(left[f], right[f]))
    .map((f) => ({ field: f, label: fieldLabel(f, w), before: text(f, left[f]), after: text(f, right[f]) }));
}

/** What the record is: "Đơn thư 12/2026", "Mô hình, điển hình «Dân vận khéo ở…»"; the id when its name is not the reader's. */
export function recordText(record: Pick<AuditRecord, 'recordType' | 'recordId' | 'recordName'>, typeName: string, w: Pick<Words, 'language'>): string {
  const name = refName(record.recordName, w.language);
  if (name) return `${typeName}: ${name}`;
  return record.recordId ? `${typeName} #${record.recordId}` : typeName;
}
