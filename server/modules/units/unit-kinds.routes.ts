import { actorOf, type App } from '../../http/context.js';
import { presentKind } from './units.presenter.js';
import { CreateUnitKindBody, UnitKind, UnitKindList } from './units.schema.js';
import * as kinds from './unit-kinds.service.js';

const tags = ['units'];

export async function unitKindRoutes(app: App): Promise<void> {
  app.get(
    '/api/unit-kinds',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The kinds of units', response: { 200: UnitKindList } } },
    async () => ({ items: (await kinds.listUnitKinds(app.ctx)).map(presentKind) }),
  );

  app.post(
    '/api/unit-kinds',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Add a kind of organization', body: CreateUnitKindBody, response: { 201: UnitKind } } },
    async (request, reply) => reply.code(201).send(presentKind(await kinds.createUnitKind(app.ctx, actorOf(request), request.body))),
  );
}
