/** Access-matrix probes of the commendations routes: one per route (the matrix fails on a route without one). */
import type { Probe } from '../../test/access-probes.js';

export const commendationProbes: Record<string, Probe> = {};
