import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { resolveSession } from '../modules/auth/auth.service.js';
import { hasPermissionSomewhere } from './access.js';
import type { RoutePermission } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

export const SESSION_COOKIE = 'danvan_session';

export type RouteEntry = { method: string; url: string; permission: RoutePermission | undefined };

/**
 * Routes under /api must say what they need; the app refuses to start otherwise. Every route is
 * also listed in `app.routeCatalog`, which the access-matrix test walks.
 */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const permission = (route.config as { permission?: RoutePermission } | undefined)?.permission;
    for (const method of [route.method].flat()) app.routeCatalog.push({ method: String(method), url: route.url, permission });
    // Routes the swagger UI plugin adds serve static documentation.
    if (!permission && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    }
  });
}

/** Resolves the session cookie into `request.actor` and enforces the route's declared permission. */
export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(app.ctx, token, request.ip, request.id);
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionId = resolved.sessionId;
      }
    }
    if (!permission) {
      if (request.url.startsWith('/api/docs') || !request.url.startsWith('/api/')) return;
      throw new AppError('INTERNAL', 'This route declares no permission');
    }
    if (permission === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    if (permission === 'authenticated') return;
    if (!hasPermissionSomewhere(request.actor, permission)) {
      throw new AppError('FORBIDDEN', `Permission ${permission} is required`, { permission });
    }
  });
}
