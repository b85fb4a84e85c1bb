import type { Me } from '../auth/auth.api';
import { hasPermission } from '../auth/use-can';

/**
 * Whether the account has a work queue: it edits or approves somewhere (docs/work-queue.md).
 * Viewers and unit administrators (whose work is reading and accounts) keep the dashboard.
 */
export function hasWorkQueue(me: Me | null): boolean {
  return hasPermission(me, 'data.write') || hasPermission(me, 'data.approve');
}

/** Where the app opens after sign-in: today's work for those who have some, the figures for the others. */
export function landingPath(me: Me | null): '/work-queue' | '/dashboard' {
  return hasWorkQueue(me) ? '/work-queue' : '/dashboard';
}
