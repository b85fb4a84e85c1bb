/**
 * Cross-site request forgery: a page on another origin (another port of the same host is enough;
 * SameSite cookies do not stop a same-site one) must not change data with the officer's session
 * cookie. The check is Go 1.25's net/http CrossOriginProtection: browsers say where a request
 * comes from, in Sec-Fetch-Site (every current browser, on HTTPS and localhost) or else in Origin
 * (sent with every cross-origin POST, and on plain HTTP also with same-origin ones). A request with
 * neither is not from a browser page (curl, the CLI, another server) and carries no ambient
 * credentials to abuse, so it passes. Safe methods (GET, HEAD, OPTIONS) change nothing and pass.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The app's own origin: DANVAN_PUBLIC_URL's, or the one the request was addressed to (X-Forwarded-* only from trusted proxies). */
function ownOrigin(request: FastifyRequest, config: Config): string {
  return config.publicOrigin ?? `${request.protocol}://${request.host}`;
}

/** Why the request is refused, or null when it may go on. */
export function crossSiteReason(request: FastifyRequest, config: Config): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? null : `Sec-Fetch-Site is ${String(site)}`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  return origin === ownOrigin(request, config) ? null : `Origin ${origin} is not ${ownOrigin(request, config)}`;
}

/** Refuses state-changing requests sent by another origin's pages with 403 CROSS_SITE_REQUEST. */
export function installCrossSiteProtection(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', async (request) => {
    const reason = crossSiteReason(request, config);
    if (reason) throw new AppError('CROSS_SITE_REQUEST', 'The request was sent by a page of another site', { reason });
  });
}
