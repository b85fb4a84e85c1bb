import Typography from 'antd/es/typography';
import type { ReactNode } from 'react';
import { PrintFilters } from './print-header';

type Props = {
  title: ReactNode;
  /** The page's actions: beside the title on screen, left off paper. */
  children?: ReactNode;
  /** A list's filters in words, printed under the title (ui/print-header.tsx). */
  printFilters?: readonly string[];
};

/** A page's title with its actions beside it (wrapping under it on narrow screens). */
export function PageHeading({ title, children, printFilters }: Props) {
  return (
    <>
      <div className="page-heading" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
          {title}
        </Typography.Title>
        {children && (
          // display: contents keeps the actions a flex item of the row, as they were before the wrapper.
          <div className="screen-only" style={{ display: 'contents' }}>
            {children}
          </div>
        )}
      </div>
      {printFilters && <PrintFilters items={printFilters} />}
    </>
  );
}
