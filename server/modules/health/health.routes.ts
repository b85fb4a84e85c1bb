import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../../http/context.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), engine: z.enum(['embedded', 'external']), latencyMs: z.number().nullable(), error: z.string().optional() }),
  version: z.string(),
});

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const engine = app.ctx.config.databaseUrl ? ('external' as const) : ('embedded' as const);
      const started = performance.now();
      try {
        await sql`select 1`.execute(app.ctx.db);
        return { status: 'ok' as const, database: { ok: true, engine, latencyMs: Math.round((performance.now() - started) * 10) / 10 }, version: APP_VERSION };
      } catch (err) {
        reply.status(503);
        return { status: 'degraded' as const, database: { ok: false, engine, latencyMs: null, error: (err as Error).message }, version: APP_VERSION };
      }
    },
  );
}

export const APP_VERSION = '0.1.0';
