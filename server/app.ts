/**
 * Builds the Fastify app: plugins, the error model, authentication, every module's routes,
 * the OpenAPI document and the built web app. Starting it is `main.ts`'s job.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { installAuthentication, requireDeclaredPermissions } from './http/authenticate.js';
import { installContentTypeCheck } from './http/content-types.js';
import type { App } from './http/context.js';
import { installCrossSiteProtection } from './http/csrf.js';
import { installErrorHandler, sendError } from './http/error-handler.js';
import { installSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { installTextGuard } from './http/text-guard.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { APP_VERSION, healthRoutes } from './modules/health/health.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { commendationRoutes } from './modules/commendations/commendations.routes.js';
import { entryExcelRoutes } from './modules/entries/entries-excel.routes.js';
import { entryListRoutes } from './modules/entries/entries-list.routes.js';
import { entryRoutes } from './modules/entries/entries.routes.js';
import { conferenceRoutes } from './modules/conferences/conferences.routes.js';
import { reviewRoutes } from './modules/reviews/reviews.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { reportFileRoutes } from './modules/reports/reports-files.routes.js';
import { holidayRoutes } from './modules/petitions/holidays.routes.js';
import { petitionRoutes } from './modules/petitions/petitions.routes.js';
import { publicPetitionRoutes } from './modules/petitions/petitions-public.routes.js';
import { receptionRoutes } from './modules/petitions/reception.routes.js';
import { dialogueFileRoutes } from './modules/petitions/dialogue-files.routes.js';
import { workQueueRoutes } from './modules/work-queue/work-queue.routes.js';
import { policyDocumentRoutes } from './modules/policy-documents/policy-documents.routes.js';
import { taskRoutes } from './modules/tasks/tasks.routes.js';
import { reportingRoundRoutes } from './modules/reporting-rounds/reporting-rounds.routes.js';
import { coordinationRoutes } from './modules/coordination/coordination.routes.js';
import { workingSessionRoutes } from './modules/working-sessions/working-sessions.routes.js';
import { religiousAffairsRoutes } from './modules/religious-affairs/religious-affairs.routes.js';
import { situationReportRoutes } from './modules/situation-reports/situation-reports.routes.js';
import { hotspotRoutes } from './modules/hotspots/hotspots.routes.js';
import { grassrootsRoutes } from './modules/grassroots/grassroots.routes.js';
import { publicationFileRoutes } from './modules/grassroots/publication-files.routes.js';
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { trackHandlers } from './http/in-flight.js';

/** `reportDb`: the read replica the report engine reads from (DATABASE_REPLICA_URL), when configured. */
export type BuildAppOptions = { config: Config; db: Db; reportDb?: Db; logger?: boolean };

/** Every module's routes; a new module adds its function here. */
const MODULES: ((app: App) => Promise<void>)[] = [
  healthRoutes,
  authRoutes,
  unitRoutes,
  userRoutes,
  auditRoutes,
  // Static paths (/api/entries/export.xlsx, /import…) are registered before /api/entries/:id; Fastify prefers them anyway.
  entryListRoutes,
  entryExcelRoutes,
  entryRoutes,
  conferenceRoutes,
  reviewRoutes,
  commendationRoutes,
  reportRoutes,
  reportFileRoutes,
  petitionRoutes,
  publicPetitionRoutes,
  holidayRoutes,
  receptionRoutes,
  dialogueFileRoutes,
  workQueueRoutes,
  policyDocumentRoutes,
  taskRoutes,
  reportingRoundRoutes,
  coordinationRoutes,
  workingSessionRoutes,
  religiousAffairsRoutes,
  situationReportRoutes,
  hotspotRoutes,
  grassrootsRoutes,
  publicationFileRoutes,
  supervisionRoutes,
];

/**
 * The OpenAPI document of a route: the zod transform, plus the request body of the upload routes
 * (multipart, read by the handler, so they have no body schema): clients and the fuzzer see it.
 */
const openApiTransform: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const consumes = (input.schema as { consumes?: string[] } | undefined)?.consumes;
  if (!consumes?.includes('multipart/form-data') || out.schema.body) return out;
  const body = { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'The file' } } };
  return { ...out, schema: { ...out.schema, body } };
};

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp({ config, db, reportDb, logger = true }: BuildAppOptions): Promise<App> {
  const applySecurityHeaders = securityHeaders(config);
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    // A hop count becomes "trust the first n hops", as Fastify does for a number (its types omit it).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // A path Fastify cannot decode (`/api/units/%E0`) is answered before any hook: give it the
    // one error shape and the security headers here.
    frameworkErrors: (err, request, reply) => {
      applySecurityHeaders(request.raw, reply.raw);
      return sendError(reply, 'VALIDATION_FAILED', err.message);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', { db, config, reportDb });
  installErrorHandler(app);
  requireDeclaredPermissions(app);
  app.decorate('handlers', trackHandlers(app));
  // Order matters: headers first (every refusal carries them), then who sent it, then what it is.
  installSecurityHeaders(app, applySecurityHeaders);
  installCrossSiteProtection(app, config);
  installContentTypeCheck(app);
  installTextGuard(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'danvan API',
        version: APP_VERSION,
        description:
          'The API of danvan. Errors always have the shape `{ "error": { "code", "message", "details" } }`; ' +
          'sign in with POST /api/auth/login, which sets the session cookie.',
      },
    },
    transform: openApiTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  installAuthentication(app);
  for (const routes of MODULES) await app.register(routes);

  // The built web app (docs/delivery.md): the staff app's client-side routes fall back to
  // index.html; /petition is the public page's own small document.
  const webDir = config.webDir;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside every compressible file (web/vite-precompress.ts).
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      // Cache-Control is chosen per file below; the Vite manifest stays private.
      cacheControl: false,
      dotfiles: 'ignore',
      setHeaders: staticHeaders,
    });
    app.get('/petition', { config: { permission: 'public' }, schema: { hide: true } }, (_request, reply) => reply.sendFile(PUBLIC_PAGE));
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendError(reply, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!hasWeb) return reply.status(404).type('text/plain').send('The web app is not built: run `npm run build`.');
    return reply.sendFile('index.html');
  });
  return app;
}

/** The public petition page's document (a second Vite input beside index.html). */
const PUBLIC_PAGE = 'petition.html';
/** Vite's output for hashed files: their names change with their content. */
const HASHED_DIR = `${path.sep}assets${path.sep}`;

/**
 * Caching of the built files: a hashed asset never changes under its name, so browsers keep it a
 * year without asking again; every other file (index.html, petition.html, anything unhashed) is
 * revalidated on each load (ETag → 304), so the first page after an upgrade names the new assets.
 * Every answer may come precompressed, so caches must key it by Accept-Encoding.
 */
function staticHeaders(res: { setHeader(name: string, value: string): unknown }, filePath: string): void {
  res.setHeader('cache-control', filePath.includes(HASHED_DIR) ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('vary', 'accept-encoding');
}
