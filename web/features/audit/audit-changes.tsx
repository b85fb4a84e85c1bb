import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { AuditRecord } from './audit.api';
import { changeRows, type Words } from './audit-words';

/** The reader's words for audit records: the catalogs, the language and the locale's formats. */
export function useAuditWords(): Words {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useMemo(() => ({ t: (key, values) => t(key, values ?? {}), exists: (key) => i18n.exists(key), language: i18n.language, format }), [t, i18n, format]);
}

/**
 * Before → after of a record's changed fields, named and valued in the reader's language
 * (audit-words.ts); a creation shows only the new values, a removal only the old ones.
 */
export function AuditChanges({ record, words }: { record: Pick<AuditRecord, 'recordType' | 'before' | 'after' | 'refs'>; words: Words }) {
  const { t } = useTranslation();
  const rows = changeRows(record, words);
  if (!rows.length) return null;
  const showBefore = rows.some((c) => c.before !== undefined);
  const showAfter = rows.some((c) => c.after !== undefined);
  return (
    <table className="record-diff" style={{ borderCollapse: 'collapse', fontSize: 12 }}>
      <thead>
        <tr>
          <th scope="col" style={cell}>{t('audit.field')}</th>
          {showBefore && <th scope="col" style={cell}>{t('audit.before')}</th>}
          {showAfter && <th scope="col" style={cell}>{t('audit.after')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.field}>
            <th scope="row" style={{ ...cell, fontWeight: 500 }}>{c.label}</th>
            {showBefore && <td style={{ ...cell, color: '#a8071a' }}>{c.before === undefined ? '—' : <del>{c.before}</del>}</td>}
            {showAfter && <td style={{ ...cell, color: '#135200' }}>{c.after === undefined ? '—' : <ins style={{ textDecoration: 'none' }}>{c.after}</ins>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const cell = { padding: '2px 8px', border: '1px solid rgba(0,0,0,0.08)', textAlign: 'start', verticalAlign: 'top', wordBreak: 'break-word', whiteSpace: 'pre-line', minWidth: 64, maxWidth: 360 } as const;
