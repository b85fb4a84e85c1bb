/** Access-matrix probes of the entries routes: one per route (the matrix fails on a route without one). */
import type { Probe } from '../../test/access-probes.js';

export const entryProbes: Record<string, Probe> = {};
