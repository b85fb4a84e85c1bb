import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '../../common/access.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Actor } from './access.js';

/**
 * What services receive: the database and the configuration; with DATABASE_REPLICA_URL set, also
 * `reportDb`, a read-only replica that the report engine reads from (see `reportReader`).
 */
export type Ctx = { db: Db; config: Config; reportDb?: Db };

/**
 * The context whose `db` is the report replica when one is configured, else `ctx` itself. For
 * reads that may be a few seconds behind the primary (streaming replication lags): the report
 * page, the dashboard and report files. Anything that writes, or must see what was just written
 * (a review's stored snapshot of its report), keeps `ctx.db`.
 */
export function reportReader(ctx: Ctx): Ctx {
  return ctx.reportDb ? { ...ctx, db: ctx.reportDb } : ctx;
}

/**
 * What a route must declare in `config.permission`:
 * - a Permission: the caller must be signed in and hold it on some unit (the service then checks
 *   the exact unit);
 * - 'authenticated': any signed-in account (its own profile, say);
 * - 'public': no account (login, health).
 * A route under /api that declares nothing is refused at start-up.
 */
export type RoutePermission = Permission | 'authenticated' | 'public';

import type { HandlerTracker } from './in-flight.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyInstance {
    ctx: Ctx;
    /** The API handlers still running (in-flight.ts): the stop waits for them before closing the pool. */
    handlers: HandlerTracker;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Returns the signed-in actor; routes with a permission other than 'public' always have one. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('route reached without an actor: its permission is missing');
  return request.actor;
}
