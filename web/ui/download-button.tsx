import Button from 'antd/es/button';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../app/api-client';

type Props = {
  /** The file's URL (`/api/…/export.xlsx?…`). */
  href: string;
  /** The file name to save under when the server does not say. */
  fileName: string;
  /** Told when the download fails (ApiError with the server's code, e.g. EXPORT_TOO_LARGE), and with null when a new one starts. */
  onError: (error: unknown) => void;
  children: ReactNode;
  'data-testid'?: string;
};

/**
 * Downloads a file the server makes (an export) without leaving the page. A plain link would show a
 * refusal — too many rows, a filter the server rejects — as raw JSON in a new page; this asks for the
 * file, hands a refusal to `onError` as an ApiError (the page shows it translated, ErrorAlert), and
 * saves the bytes when they come.
 */
export function DownloadButton({ href, fileName, onError, children, ...rest }: Props) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    onError(null);
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; details?: unknown } } | undefined;
        throw new ApiError(response.status, (body?.error?.code as ApiError['code']) ?? (response.status >= 500 ? 'INTERNAL' : 'NETWORK'), body?.error?.details ?? null);
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      onError(error instanceof ApiError ? error : new ApiError(0, 'NETWORK', null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={() => void download()} data-testid={rest['data-testid']}>
      {children}
    </Button>
  );
}
