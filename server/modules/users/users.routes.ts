import { z } from 'zod';
import { Id } from '../../../common/units.js';
import { CreateUserBody, GrantBody, GrantView, UpdateUserBody, UserPage, UserView } from '../../../common/users.js';
import { actorOf, type App } from '../../http/context.js';
import { presentGrant, presentUser } from './users.presenter.js';
import * as users from './users.service.js';

const UserParams = z.object({ id: Id });
const GrantParams = z.object({ id: Id, grantId: Id });
const ListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: Id.optional(),
  includeDisabled: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const Created = z.object({ user: UserView, temporaryPassword: z.string().nullable() });
const TemporaryPassword = z.object({ temporaryPassword: z.string() });
const Ok = z.object({ ok: z.literal(true) });
const tags = ['users'];

export async function userRoutes(app: App): Promise<void> {
  app.get('/api/users', { config: { permission: 'users.read' }, schema: { tags, summary: 'Accounts holding roles in your units', querystring: ListQuery, response: { 200: UserPage } } }, async (request) => {
    const page = await users.listUsers(app.ctx, actorOf(request), request.query);
    return { items: page.rows.map((u) => presentUser(u, page.grants)), total: page.total };
  });

  app.post('/api/users', { config: { permission: 'users.manage' }, schema: { tags, summary: 'Create an account with its first role', body: CreateUserBody, response: { 201: Created } } }, async (request, reply) => {
    const created = await users.createUser(app.ctx, actorOf(request), request.body);
    const view = await users.getUserView(app.ctx, actorOf(request), created.user.id);
    reply.status(201);
    return { user: presentUser(view.user, view.grants), temporaryPassword: created.temporaryPassword };
  });

  app.get('/api/users/:id', { config: { permission: 'users.read' }, schema: { tags, summary: 'One account', params: UserParams, response: { 200: UserView } } }, async (request) => {
    const view = await users.getUserView(app.ctx, actorOf(request), request.params.id);
    return presentUser(view.user, view.grants);
  });

  app.patch('/api/users/:id', { config: { permission: 'users.manage' }, schema: { tags, summary: 'Change name or e-mail (optimistic: send the version you read)', params: UserParams, body: UpdateUserBody, response: { 200: UserView } } }, async (request) => {
    await users.updateUser(app.ctx, actorOf(request), request.params.id, request.body);
    const view = await users.getUserView(app.ctx, actorOf(request), request.params.id);
    return presentUser(view.user, view.grants);
  });

  for (const [path, disabled, summary] of [
    ['disable', true, 'Disable an account; its sessions end at once'],
    ['enable', false, 'Enable a disabled account'],
  ] as const) {
    app.post(`/api/users/:id/${path}`, { config: { permission: 'users.manage' }, schema: { tags, summary, params: UserParams, response: { 200: UserView } } }, async (request) => {
      await users.setDisabled(app.ctx, actorOf(request), request.params.id, disabled);
      const view = await users.getUserView(app.ctx, actorOf(request), request.params.id);
      return presentUser(view.user, view.grants);
    });
  }

  app.post('/api/users/:id/reset-password', { config: { permission: 'users.manage' }, schema: { tags, summary: 'Set a temporary password and end the account\'s sessions', params: UserParams, response: { 200: TemporaryPassword } } }, async (request) =>
    users.resetPassword(app.ctx, actorOf(request), request.params.id),
  );

  app.post('/api/users/:id/grants', { config: { permission: 'users.manage' }, schema: { tags, summary: 'Grant a role on a unit (covers its subtree)', params: UserParams, body: GrantBody, response: { 201: GrantView } } }, async (request, reply) => {
    const grant = await users.grantRole(app.ctx, actorOf(request), request.params.id, request.body);
    reply.status(201);
    return presentGrant(grant);
  });

  app.delete('/api/users/:id/grants/:grantId', { config: { permission: 'users.manage' }, schema: { tags, summary: 'Revoke a role', params: GrantParams, response: { 200: Ok } } }, async (request) => {
    await users.revokeRole(app.ctx, actorOf(request), request.params.id, request.params.grantId);
    return { ok: true as const };
  });
}
