import { useTranslation } from 'react-i18next';
import { diffRecords, displayValue } from './diff-records';

type Props = { before: unknown; after: unknown };

/**
 * Before → after of a record's changed fields, as a small table; a creation shows only the new
 * values, a removal only the old ones; nothing when there is no change.
 */
export function RecordDiff({ before, after }: Props) {
  const { t } = useTranslation();
  const changes = diffRecords(before, after);
  if (changes.length === 0) return null;
  const showBefore = changes.some((c) => c.before !== undefined);
  const showAfter = changes.some((c) => c.after !== undefined);
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
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row" style={{ ...cell, fontWeight: 500 }}>{c.field}</th>
            {showBefore && <td style={{ ...cell, color: '#a8071a' }}>{c.before === undefined ? '—' : <del>{displayValue(c.before)}</del>}</td>}
            {showAfter && <td style={{ ...cell, color: '#135200' }}>{c.after === undefined ? '—' : <ins style={{ textDecoration: 'none' }}>{displayValue(c.after)}</ins>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const cell = { padding: '2px 8px', border: '1px solid rgba(0,0,0,0.08)', textAlign: 'start', verticalAlign: 'top', wordBreak: 'break-word', minWidth: 64 } as const;
