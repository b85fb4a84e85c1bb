/**
 * The security headers of every answer (API, web app, files, errors), set by helmet on the raw
 * response before anything else runs, so a refusal or an error carries them too.
 *
 * The Content-Security-Policy is the one the built web app satisfies (checked in Chromium): Vite
 * emits only external module scripts, so scripts are 'self' and never 'unsafe-inline'; antd writes
 * its CSS-in-JS into <style> elements, hence style-src 'unsafe-inline' (styles only); ECharts draws
 * on a canvas; downloads are blob: URLs. The Swagger UI at /api/docs loads its own external scripts
 * and passes the same policy. No page may frame the app (clickjacking): frame-ancestors 'none' and
 * X-Frame-Options DENY for browsers that predate CSP.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.js';

export type ApplySecurityHeaders = (req: IncomingMessage, res: ServerResponse) => void;

/** The Content-Security-Policy directives; `upgrade-insecure-requests` only when the app is served over HTTPS. */
export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // On plain HTTP (a trial on a LAN) this would send the browser to an https:// that does not exist.
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/** Builds the header writer once; `installSecurityHeaders` and the bad-URL answer both use it. */
export function securityHeaders(config: Config): ApplySecurityHeaders {
  const https = config.hsts || config.publicOrigin?.startsWith('https:') === true;
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // The app needs nothing from other origins and offers nothing to them.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only when the operator says the app is reached over HTTPS alone (DANVAN_HSTS): a browser that
    // saw it would refuse plain HTTP to this host for a year.
    strictTransportSecurity: config.hsts ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
  return (req, res) => middleware(req, res, (err?: unknown) => {
    if (err) throw err;
  });
}

export function installSecurityHeaders(app: FastifyInstance, apply: ApplySecurityHeaders): void {
  app.addHook('onRequest', async (request, reply) => {
    apply(request.raw, reply.raw);
  });
}
