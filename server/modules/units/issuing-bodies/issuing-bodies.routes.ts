/** GET / PUT /api/units/:id/issuing-bodies: who issues a unit's Party documents, over time. */
import { z } from 'zod';
import { IssuingBodies, IssuingBodiesBody } from '../../../../common/issuing-bodies.js';
import { IsoDate } from '../../../../common/units.js';
import { actorOf, type App } from '../../../http/context.js';
import { UnitIdParams } from '../units.schema.js';
import { getIssuingBodies, setIssuingBodies } from './issuing-bodies.service.js';

const tags = ['units'];
const AtQuery = z.object({ date: IsoDate.optional().describe('The day whose heading `at` shows; default today') });

export async function issuingBodyRoutes(app: App): Promise<void> {
  app.get(
    '/api/units/:id/issuing-bodies',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: "Who issues the unit's documents: the periods set for it, and the heading on a day (its own or the default of its level and era)",
        params: UnitIdParams,
        querystring: AtQuery,
        response: { 200: IssuingBodies },
      },
    },
    async (request) => getIssuingBodies(app.ctx, actorOf(request), request.params.id, request.query.date),
  );

  app.put(
    '/api/units/:id/issuing-bodies',
    {
      config: { permission: 'units.write' },
      schema: {
        tags,
        summary: "Replace the periods of who issues the unit's documents (issuing body, abbreviation in the symbol, signer's title)",
        params: UnitIdParams,
        body: IssuingBodiesBody,
        response: { 200: IssuingBodies },
      },
    },
    async (request) => setIssuingBodies(app.ctx, actorOf(request), request.params.id, request.body),
  );
}
