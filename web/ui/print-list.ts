import AntdApp from 'antd/es/app';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PRINT_LIMITS } from '../../common/print';
import { useErrorMessage } from './use-error-message';

type Options<T> = {
  /** The rows the list shows now (one page). */
  rows: T[];
  /** How many rows match the filters. */
  total: number;
  /** The total is a lower bound (the server stopped counting). */
  totalCapped?: boolean;
  /** The first `limit` rows matching the same filters, in the list's order. */
  fetchAll: (limit: number) => Promise<T[]>;
};

type PrintList<T> = {
  /** What the table draws: the page, or every matching row while printing. */
  rows: T[];
  /** Every matching row is drawn: the table drops its pagination. */
  whole: boolean;
  pending: boolean;
  print: () => void;
};

/**
 * Printing a paged list prints all its matching rows, not the page on screen: they are loaded in
 * one request, drawn, printed, and the page comes back after the print dialog (`afterprint`).
 * More rows than PRINT_LIMITS.rows are refused with a message naming both numbers and the export.
 */
export function usePrintList<T>({ rows, total, totalCapped, fetchAll }: Options<T>): PrintList<T> {
  const { t } = useTranslation();
  const { modal, message } = AntdApp.useApp();
  const errorMessage = useErrorMessage();
  const [printRows, setPrintRows] = useState<T[] | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const done = () => setPrintRows(null);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);

  const print = async () => {
    if (totalCapped || total > PRINT_LIMITS.rows) {
      modal.warning({ title: t('print.tooManyTitle'), content: t('print.tooMany', { count: total, max: PRINT_LIMITS.rows }) });
      return;
    }
    if (rows.length >= total) {
      window.print();
      return;
    }
    setPending(true);
    try {
      const all = await fetchAll(PRINT_LIMITS.rows);
      // The rows must be in the page before the browser lays it out for paper.
      flushSync(() => setPrintRows(all));
      window.print();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return { rows: printRows ?? rows, whole: printRows !== null, pending, print: () => void print() };
}
