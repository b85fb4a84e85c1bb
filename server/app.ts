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
import type { App } from './http/context.js';
import { installErrorHandler, sendError } from './http/error-handler.js';
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

export type BuildAppOptions = { config: Config; db: Db; logger?: boolean };

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
];

export async function buildApp({ config, db, logger = true }: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', { db, config });
  installErrorHandler(app);
  requireDeclaredPermissions(app);

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
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  installAuthentication(app);
  for (const routes of MODULES) await app.register(routes);

  // The built web app; client-side routes fall back to index.html.
  const webDir = config.webDir;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendError(reply, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!hasWeb) return reply.status(404).type('text/plain').send('The web app is not built: run `npm run build`.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
