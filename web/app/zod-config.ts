/**
 * Imported first by main.tsx. Zod probes whether `new Function` works, to compile faster
 * validators; the app's Content-Security-Policy forbids eval (script-src 'self', see
 * docs/security.md), so the probe could only fail and report a CSP violation on every page.
 */
import { z } from 'zod';

z.config({ jitless: true });
