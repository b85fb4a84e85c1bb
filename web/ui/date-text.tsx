import type { ReactNode } from 'react';

/**
 * A date in a table cell or beside other text: on one line, and isolated from the text around it
 * so an Arabic date (right-to-left marks between Arabic-Indic digits) neither wraps mid-number in a
 * narrow column nor trades places with its neighbours. The text itself comes from useFormat.
 */
export function DateText({ children }: { children: ReactNode }) {
  return (
    <span className="date-text" style={{ whiteSpace: 'nowrap', unicodeBidi: 'isolate' }}>
      {children}
    </span>
  );
}
