import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './use-format';

/** Today's date (yyyy-mm-dd, the browser's calendar), read again before each print. */
function usePrintDate(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    // A page left open overnight prints today's date, not the day it was opened.
    const refresh = () => setNow(new Date());
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type Props = {
  /** The unit the printout is made for: the signed-in officer's unit(s). */
  unit: string;
  /** Who prints. */
  person: string;
};

/**
 * The top of every printed staff page, printed only (the screen has the menu and header for this):
 * the officer's unit and the system's name on one line, the date and who printed it below.
 */
export function PrintHeader({ unit, person }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = usePrintDate();
  return (
    <div className="print-only print-header" data-testid="print-header">
      <div className="print-header-row">
        <strong data-testid="print-unit">{unit}</strong>
        <span>{t('app.title')}</span>
      </div>
      <div className="print-header-meta" data-testid="print-date">
        {t('print.printedOn', { date: format.date(date), person })}
      </div>
    </div>
  );
}

/**
 * A list's filters in words, printed only under its title ("Đơn vị: Tỉnh Ninh Bình; Năm: 2024"):
 * on paper the filter controls are gone, and a list without them reads as "everything".
 */
export function PrintFilters({ items }: { items: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <p className="print-only print-filters" data-testid="print-filters">
      {items.length > 0 ? t('print.filters', { filters: items.join('; ') }) : t('print.noFilters')}
    </p>
  );
}
