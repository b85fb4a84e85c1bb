import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';

type Props = {
  /** What printing means here (a list loads all its matching rows first); the browser's print by default. */
  onPrint?: () => void;
  loading?: boolean;
};

function PrinterIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2" />
      <path d="M6 14h12v8H6z" />
    </svg>
  );
}

/** "In" beside a page's other actions: prints the page through the print stylesheet (app/print.css). */
export function PrintButton({ onPrint, loading }: Props) {
  const { t } = useTranslation();
  return (
    <Button icon={<PrinterIcon />} loading={loading} onClick={() => (onPrint ? onPrint() : window.print())} data-testid="print-button">
      {t('print.print')}
    </Button>
  );
}
