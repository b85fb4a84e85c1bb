import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { resolveSession } from '../modules/auth/auth.service.js';
import { hasPermissionSomewhere } from './access.js';
import type { RoutePermission } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
  interface FastifyContextConfig {
    /**
     * The route serves an account that still has a temporary password (its own profile, the
     * password change, sign-out, the language). Every other signed-in route answers 403
     * PASSWORD_CHANGE_REQUIRED until the password is changed.
     */
    allowTemporaryPassword?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in account still has the temporary password an administrator gave it. */
    mustChangePassword: boolean;
  }
}

export const SESSION_COOKIE = 'danvan_session';

export type RouteEntry = { method: string; url: string; permission: RoutePermission | undefined; allowTemporaryPassword: boolean };

/**
 * Routes under /api must say what they need; the app refuses to start otherwise. Every route is
 * also listed in `app.routeCatalog`, which the access-matrix test walks.
 */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const config = route.config as { permission?: RoutePermission; allowTemporaryPassword?: boolean } | undefined;
    const permission = config?.permission;
    const allowTemporaryPassword = config?.allowTemporaryPassword === true;
    for (const method of [route.method].flat()) app.routeCatalog.push({ method: String(method), url: route.url, permission, allowTemporaryPassword });
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
  app.decorateRequest('mustChangePassword', false);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(app.ctx, token, request.ip, request.id);
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionId = resolved.sessionId;
        request.mustChangePassword = resolved.mustChangePassword;
      }
    }
    if (!permission) {
      if (request.url.startsWith('/api/docs') || !request.url.startsWith('/api/')) return;
      throw new AppError('INTERNAL', 'This route declares no permission');
    }
    if (permission === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    // A temporary password is known to the administrator who set it: until its holder chooses
    // their own, the session serves nothing but that change.
    if (request.mustChangePassword && !request.routeOptions.config.allowTemporaryPassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change the temporary password before continuing');
    }
    if (permission === 'authenticated') return;
    if (!hasPermissionSomewhere(request.actor, permission)) {
      throw new AppError('FORBIDDEN', `Permission ${permission} is required`, { permission });
    }
  });
}
