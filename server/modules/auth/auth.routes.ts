import { z } from 'zod';
import { AppError } from '../../errors.js';
import { actorOf, type App } from '../../http/context.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import { presentMe } from './auth.presenter.js';
import { LocaleBody, LoginBody, MeResponse, PasswordBody } from './auth.schema.js';
import * as auth from './auth.service.js';

const Ok = z.object({ ok: z.literal(true) });

export async function authRoutes(app: App): Promise<void> {
  app.post(
    '/api/auth/login',
    { config: { permission: 'public' }, schema: { tags: ['auth'], summary: 'Sign in', body: LoginBody, response: { 200: MeResponse } } },
    async (request, reply) => {
      const session = await auth.login(app.ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      const secure = app.ctx.config.secureCookies ?? request.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: session.expiresAt });
      const actor = { userId: session.userId, username: request.body.username, grants: [], ip: request.ip, requestId: request.id };
      const me = await auth.getMe(app.ctx, actor);
      return presentMe(me.user, me.grants);
    },
  );

  app.post('/api/auth/logout', { config: { permission: 'authenticated', allowTemporaryPassword: true }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } } }, async (request, reply) => {
    if (request.sessionId) await auth.logout(app.ctx, actorOf(request), request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { config: { permission: 'authenticated', allowTemporaryPassword: true }, schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: MeResponse } } }, async (request) => {
    const me = await auth.getMe(app.ctx, actorOf(request));
    return presentMe(me.user, me.grants);
  });

  app.put('/api/auth/me/locale', { config: { permission: 'authenticated', allowTemporaryPassword: true }, schema: { tags: ['auth'], summary: 'Remember the interface language', body: LocaleBody, response: { 200: Ok } } }, async (request) => {
    await auth.setLocale(app.ctx, actorOf(request), request.body.locale);
    return { ok: true as const };
  });

  app.post('/api/auth/me/password', { config: { permission: 'authenticated', allowTemporaryPassword: true }, schema: { tags: ['auth'], summary: 'Change one\'s own password', body: PasswordBody, response: { 200: Ok } } }, async (request) => {
    if (!request.sessionId) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    await auth.changeOwnPassword(app.ctx, actorOf(request), request.sessionId, request.body.currentPassword, request.body.newPassword);
    return { ok: true as const };
  });
}
