import { z } from 'zod';
import { pingDatabase } from '../../db/database.js';
import { engineStatus } from '../../db/open.js';
import type { App } from '../../http/context.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    ok: z.boolean(),
    engine: z.enum(['embedded', 'external']),
    latencyMs: z.number().nullable(),
    error: z.string().optional(),
    /** The embedded engine's supervisor: `restarting` after PostgreSQL stopped unexpectedly. */
    state: z.enum(['running', 'restarting', 'stopped']).optional(),
    /** How many times the embedded PostgreSQL was restarted since danvan started. */
    restarts: z.number().int().optional(),
  }),
  version: z.string(),
});

/** A health check must answer even when the database does not: it gives up on the query after this. */
const QUERY_TIMEOUT_MS = 5_000;

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const engine = app.ctx.config.databaseUrl ? ('external' as const) : ('embedded' as const);
      const supervisor = engineStatus(app.ctx.db);
      const extra = supervisor ? { state: supervisor.state, restarts: supervisor.restarts } : {};
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        if (supervisor?.state === 'restarting') {
          throw new Error(`The embedded PostgreSQL stopped unexpectedly (${supervisor.lastFailure ?? 'unknown cause'}) and is being started again`);
        }
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`The database did not answer within ${QUERY_TIMEOUT_MS / 1000} s`)), QUERY_TIMEOUT_MS);
        });
        await Promise.race([pingDatabase(app.ctx.db), timeout]);
        const latencyMs = Math.round((performance.now() - started) * 10) / 10;
        return { status: 'ok' as const, database: { ok: true, engine, latencyMs, ...extra }, version: APP_VERSION };
      } catch (err) {
        reply.status(503);
        return { status: 'degraded' as const, database: { ok: false, engine, latencyMs: null, error: (err as Error).message, ...extra }, version: APP_VERSION };
      } finally {
        clearTimeout(timer);
      }
    },
  );
}

export const APP_VERSION = '0.1.0';
