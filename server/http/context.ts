import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '../../common/access.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Actor } from './access.js';

/** What services receive: the database and the configuration. */
export type Ctx = { db: Db; config: Config };

/**
 * What a route must declare in `config.permission`:
 * - a Permission: the caller must be signed in and hold it on some unit (the service then checks
 *   the exact unit);
 * - 'authenticated': any signed-in account (its own profile, say);
 * - 'public': no account (login, health).
 * A route under /api that declares nothing is refused at start-up.
 */
export type RoutePermission = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyInstance {
    ctx: Ctx;
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
