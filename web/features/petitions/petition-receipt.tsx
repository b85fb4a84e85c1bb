/**
 * The petition receipt (giấy biên nhận): number, tracking code, the secret when it is still known,
 * dates, the time limit in plain words and how to look the petition up, with Print (or save as
 * PDF from the print dialog), Copy (code and secret) and Download (.txt). Plain React and its own
 * CSS, no antd: the public page's small bundle uses it as the staff app does. When a receipt is
 * on the page, printing prints the receipt alone (petition-receipt.css).
 */
import type { TFunction } from 'i18next';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PetitionKind, PortalInfo } from '../../../common/petitions';
import { type Formatters, useFormat } from '../../ui/use-format';
import { isolate } from './isolate-text';
import { type TimeLimitLike, timeLimitWords } from './time-limit-words';
import './petition-receipt.css';

export type ReceiptData = {
  number: string;
  trackingCode: string;
  /** Known only right after intake; a reprint says it cannot be shown again. */
  secret?: string;
  /** Unknown for a moment after an officer's intake (it comes with the petition's details). */
  kind?: PetitionKind;
  unitName?: string | null;
  receivedOn?: string | null;
  dueOn: string;
  timeLimit?: TimeLimitLike | null;
};

type Props = {
  receipt: ReceiptData;
  portal?: PortalInfo | null;
  /** Shown under the buttons (the public page's "send another", the staff page's "open it"). */
  children?: ReactNode;
};

/** Where citizens look a petition up: the configured public address, else this server's. */
export function lookupUrl(portal?: PortalInfo | null): string {
  return portal?.publicUrl ?? `${window.location.origin}/petition`;
}

type Line = { id: 'number' | 'kind' | 'unit' | 'receivedOn' | 'dueOn' | 'code' | 'secret'; label: string; value: string };

/** The receipt's lines, as printed and as written to the text file (a line without a value is left out). */
export function receiptLines(t: TFunction, format: Formatters, receipt: ReceiptData): Line[] {
  const lines: { id: Line['id']; value: string | null | undefined }[] = [
    { id: 'number', value: receipt.number },
    { id: 'kind', value: receipt.kind && t(`petitions.kind.${receipt.kind}`) },
    { id: 'unit', value: receipt.unitName },
    { id: 'receivedOn', value: format.date(receipt.receivedOn) },
    { id: 'dueOn', value: format.date(receipt.dueOn) },
    { id: 'code', value: receipt.trackingCode },
    { id: 'secret', value: receipt.secret ?? t('petitions.receipt.secretNotShown') },
  ];
  return lines.filter((l): l is { id: Line['id']; value: string } => Boolean(l.value)).map((l) => ({ ...l, label: t(`petitions.receipt.${l.id}`) }));
}

/** The notes under the lines: the limit, how to look it up, the hotline, the secret's warning. */
function receiptNotes(t: TFunction, receipt: ReceiptData, portal?: PortalInfo | null): string[] {
  return [
    receipt.timeLimit ? timeLimitWords(t, receipt.timeLimit) : null,
    t('petitions.receipt.howTo', { url: lookupUrl(portal) }),
    portal?.agency.hotline ? t('petitions.receipt.hotline', { hotline: isolate(portal.agency.hotline) }) : null,
    receipt.secret ? t('petitions.receipt.keepSecret') : null,
  ].filter((n): n is string => Boolean(n));
}

export function receiptText(t: TFunction, format: Formatters, receipt: ReceiptData, portal?: PortalInfo | null): string {
  const issuer = portal?.agency.name ?? receipt.unitName;
  return [
    ...(issuer ? [issuer] : []),
    t('petitions.receipt.title').toLocaleUpperCase(),
    '',
    ...receiptLines(t, format, receipt).map((l) => `${l.label}: ${l.value}`),
    '',
    ...receiptNotes(t, receipt, portal),
    '',
  ].join('\r\n');
}

/** Copies through the Clipboard API, or (plain HTTP on a LAN, where it is missing) through a selected textarea. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: try the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

function download(fileName: string, text: string): void {
  // A byte-order mark, so Notepad on older Windows reads the Vietnamese letters as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PetitionReceipt({ receipt, portal, children }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const [status, setStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const issuer = portal?.agency.name ?? receipt.unitName;

  const onCopy = async () => {
    const text = [`${t('petitions.receipt.code')}: ${receipt.trackingCode}`, ...(receipt.secret ? [`${t('petitions.receipt.secret')}: ${receipt.secret}`] : [])].join('\n');
    setStatus((await copyText(text)) ? 'copied' : 'copyFailed');
  };

  return (
    <div className="petition-receipt-block">
      <section className="petition-receipt" aria-labelledby={titleId} data-testid="petition-receipt">
        {issuer && <p className="petition-receipt-issuer">{issuer}</p>}
        <h2 id={titleId} className="petition-receipt-title">
          {t('petitions.receipt.title')}
        </h2>
        <dl className="petition-receipt-lines">
          {receiptLines(t, format, receipt).map((line) => (
            <div key={line.id} className="petition-receipt-line">
              <dt>{line.label}</dt>
              <dd>
                {line.id === 'code' ? (
                  <code data-testid="tracking-code">{line.value}</code>
                ) : line.id === 'secret' && receipt.secret ? (
                  <code data-testid="tracking-secret">{line.value}</code>
                ) : (
                  line.value
                )}
              </dd>
            </div>
          ))}
        </dl>
        {receiptNotes(t, receipt, portal).map((note) => (
          <p key={note} className="petition-receipt-note">
            {note}
          </p>
        ))}
      </section>
      <div className="petition-receipt-actions">
        <button type="button" className="petition-receipt-button primary" onClick={() => window.print()}>
          {t('petitions.receipt.print')}
        </button>
        <button type="button" className="petition-receipt-button" onClick={() => void onCopy()}>
          {t('petitions.receipt.copy')}
        </button>
        <button type="button" className="petition-receipt-button" onClick={() => download(`${t('petitions.receipt.fileName')}-${receipt.trackingCode}.txt`, receiptText(t, format, receipt, portal))}>
          {t('petitions.receipt.download')}
        </button>
        {children}
      </div>
      <p className="petition-receipt-hint">{t('petitions.receipt.pdfHint')}</p>
      <p className="petition-receipt-status" role="status" aria-live="polite">
        {status && t(`petitions.receipt.${status}`)}
      </p>
    </div>
  );
}
