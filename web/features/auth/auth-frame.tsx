import type { ReactNode } from 'react';

/** The centred column of the sign-in and password pages. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <div style={{ width: '100%', maxWidth: 420 }}>{children}</div>
    </main>
  );
}
