import { z } from 'zod';
import { LookupBody, PETITION_LIMITS, PetitionCategory, PortalInfo, PublicIntakeBody, PublicStatus, Receipt } from '../../../common/petitions.js';
import { Id } from '../../../common/units.js';
import type { App } from '../../http/context.js';
import { rateLimit } from '../limits/rate-limit.js';
import { lookupPublic, portalInfo, publicActor, publicForm, submitPublic } from './petitions-public.service.js';

const tags = ['petitions (public)'];
const PUBLIC_BODY_LIMIT = Math.ceil((PETITION_LIMITS.publicAttachments * PETITION_LIMITS.publicAttachmentBytes * 4) / 3) + 64 * 1024;

/**
 * Per address, across every danvan process: 5 submissions, then one more every 12 minutes;
 * 20 lookups, then one more every 30 seconds — enough for a family's phone, far too few to guess
 * secrets.
 */
const submissions = rateLimit({ bucket: 'petition.submit', capacity: 5, refillMs: 12 * 60_000 });
const lookups = rateLimit({ bucket: 'petition.lookup', capacity: 20, refillMs: 30_000 });

/** The public petition routes (no account). */
export async function publicPetitionRoutes(app: App): Promise<void> {
  app.get(
    '/api/public/portal',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Who runs the public page, the data-protection notice in force, the retention rule and the statutory time limits', response: { 200: PortalInfo } },
    },
    async () => portalInfo(app.ctx),
  );

  app.get(
    '/api/public/petitions/form',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'What the public form offers: categories, and provinces (or the communes of `parentId`)',
        querystring: z.object({ parentId: Id.optional() }),
        response: { 200: z.object({ categories: z.array(PetitionCategory), units: z.array(z.object({ id: Id, name: z.string() })) }) },
      },
    },
    async (request) => publicForm(app.ctx, request.query.parentId),
  );

  app.post(
    '/api/public/petitions',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { permission: 'public' },
      schema: { tags, summary: 'Send a recommendation or reflection, with consent to the data-protection notice; answers the tracking code and secret (shown once)', body: PublicIntakeBody, response: { 201: Receipt } },
    },
    async (request, reply) => {
      await submissions.take(app.ctx.db, request.ip);
      return reply.code(201).send(await submitPublic(app.ctx, publicActor(request.ip, request.id), request.body));
    },
  );

  app.post(
    '/api/public/petitions/lookup',
    { config: { permission: 'public' }, schema: { tags, summary: 'Status and public reply of a petition, by tracking code and secret', body: LookupBody, response: { 200: PublicStatus } } },
    async (request) => {
      await lookups.take(app.ctx.db, request.ip);
      return lookupPublic(app.ctx, request.body);
    },
  );
}
