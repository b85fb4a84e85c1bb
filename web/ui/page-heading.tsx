import Typography from 'antd/es/typography';
import type { ReactNode } from 'react';

/** A page's title with its actions beside it (wrapping under it on narrow screens). */
export function PageHeading({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
