/** GET /api/entries: the list of entries in the reader's scope, answered once per data version. */
import type { FastifyReply } from 'fastify';
import { EntryListQuery, EntryPage } from '../../../common/entries.js';
import { actorOf, type App } from '../../http/context.js';
import { answerCacheOf } from '../data-versions/answer-cache.js';
import { entryListAnswer } from './entries-list-answer.js';

export async function entryListRoutes(app: App): Promise<void> {
  const cache = answerCacheOf(app.ctx);
  app.get(
    '/api/entries',
    {
      config: { permission: 'units.read' },
      schema: {
        tags: ['entries'],
        summary: 'Find entries within the caller\'s scope: a filtered, sorted page with the total and facet counts',
        description:
          'The answer carries an `ETag` (the data version of the entries where the list looks, the query and the reader\'s scope): send it back as `If-None-Match` to get `304 Not Modified` while no entry there has changed.',
        querystring: EntryListQuery,
        response: { 200: EntryPage },
      },
    },
    async (request, typedReply) => {
      const answer = await entryListAnswer(app.ctx, cache, actorOf(request), request.query, request.headers['if-none-match']);
      // The 200's body is already JSON (built by the presenter, serialized once), a 304 has none.
      const reply = typedReply as unknown as FastifyReply;
      reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
      if (answer.status === 304) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(answer.body);
    },
  );
}
