/**
 * Route handlers still running. Fastify's `close()` resolves when every connection has ended, but a
 * handler whose client went away (a browser tab closed, a load generator stopped) keeps running
 * after its connection ended: if the stop closed the pool then, its next query would fail with
 * "driver has already been destroyed" and log an error for a request nobody waits for. The stop
 * (main.ts) waits for these handlers before closing the pool (docs/reliability.md).
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

export type HandlerTracker = {
  /** How many route handlers are running now. */
  running(): number;
  /** Resolves true once none is running, false if some still are after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
};

/**
 * Wraps the API's async handlers registered after this call (call it before the routes). Only
 * async ones: wrapping a handler that returns nothing and sends later (static files) in an async
 * function would make Fastify send an empty answer when the wrapper resolves.
 */
export function trackHandlers(app: FastifyInstance): HandlerTracker {
  let running = 0;
  let waiters: (() => void)[] = [];
  app.addHook('onRoute', (route) => {
    const handler = route.handler as (...args: unknown[]) => unknown;
    if (!route.url.startsWith('/api/') || handler.constructor.name !== 'AsyncFunction') return;
    route.handler = async function tracked(this: unknown, ...args: unknown[]) {
      running++;
      try {
        return await handler.apply(this, args);
      } finally {
        running--;
        if (running === 0) {
          const done = waiters;
          waiters = [];
          for (const w of done) w();
        }
      }
    } as RouteHandlerMethod;
  });
  return {
    running: () => running,
    idle(timeoutMs) {
      if (running === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(running === 0), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
