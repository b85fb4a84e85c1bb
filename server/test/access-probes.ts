/**
 * The access matrix's vocabulary. Each module lists, in its `<module>.probes.ts`, one Probe per
 * route: how to build a request aimed at data of a location. The matrix test
 * (server/http/access-matrix.test.ts) runs every probe for every role and checks the answers.
 */
import type { Role } from '../../common/access.js';
import type { TestApp } from './test-app.js';

/** Where the target data lies: in a commune, in its province (above a commune scope), or in another province. */
export type Location = 'commune' | 'province' | 'foreign';
export type Req = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown; headers?: Record<string, string>; payload?: Buffer };

export type ProbeContext = {
  t: TestApp;
  /** The unit of each location (a commune, its province, a commune of another province). */
  units: Record<Location, { id: string }>;
  /** A marker string to put in names of data at a location: answers to actors outside must not contain it. */
  marker(loc: Location): string;
  /** A fresh suffix for unique names. */
  next(): string;
  /** An account holding `role` on the location's unit. */
  targetUser(loc: Location, role?: Role): Promise<{ id: string; username: string }>;
  /** An organization under the location's unit. */
  orgAt(loc: Location): Promise<{ id: string }>;
};

export type Probe = {
  request(ctx: ProbeContext, loc: Location): Promise<Req>;
  /** Lists: a refusal may also be 200 without foreign data. */
  list?: boolean;
  /** Routes on one's own account or system-wide lists: no unit involved. */
  self?: boolean;
  /**
   * Reads of data that units below also read (policy documents issued above are read below,
   * docs/leadership-loop.md §4): a commune's reader is allowed the province's data too.
   */
  readsAbove?: boolean;
  /** Writes whose allowed call legitimately answers 4xx with the probe's data (documented in the probe). */
  acceptStatus?: number[];
};
