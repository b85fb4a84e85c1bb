import Button from 'antd/es/button';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreen } from './use-screen';

type Props = {
  /** How many filters are set (the button says so while they are folded away). */
  active: number;
  children: ReactNode;
};

/**
 * A list's filters: as they are on a wide screen; on a phone folded under one button, so the list
 * starts on the first screen instead of under a screen and a half of checkboxes. Never printed.
 */
export function PhoneFilters({ active, children }: Props) {
  const { t } = useTranslation();
  const { cards } = useScreen();
  const [open, setOpen] = useState(false);
  if (!cards) return <>{children}</>;
  return (
    <div className="screen-only" style={{ marginBottom: open ? 0 : 12 }}>
      <Button block onClick={() => setOpen(!open)} aria-expanded={open} data-testid="filters-toggle" style={{ marginBottom: open ? 12 : 0 }}>
        {active > 0 ? t('table.filtersActive', { count: active }) : t('table.filters')}
      </Button>
      {open && children}
    </div>
  );
}
