/** Access-matrix probes of a dialogue conference's evidence files: one per route. */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { multipartFile } from '../entries/entries.factories.js';
import { buildDialogueFile, buildSession } from './dialogue-files.factories.js';

const sessionAt = (c: ProbeContext, loc: Location) => buildSession(c.t.db, { unitId: c.units[loc].id, title: `Đối thoại ${c.marker(loc)} ${c.next()}` });
const fileAt = async (c: ProbeContext, loc: Location) => buildDialogueFile(c.t.db, (await sessionAt(c, loc)).id, 'results', `ket-qua-${c.marker(loc)}.pdf`);

export const dialogueFileProbes: Record<string, Probe> = {
  'GET /api/reception-sessions/:id/files': {
    request: async (c, loc) => {
      const s = await sessionAt(c, loc);
      await buildDialogueFile(c.t.db, s.id, 'notice', `thong-bao-${c.marker(loc)}.pdf`);
      return { method: 'GET', url: `/api/reception-sessions/${s.id}/files` };
    },
  },
  'POST /api/reception-sessions/:id/files': {
    request: async (c, loc) => {
      const s = await sessionAt(c, loc);
      const { payload, headers } = multipartFile(`bien-ban-${c.marker(loc)}.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 1)]), 'application/pdf');
      return { method: 'POST', url: `/api/reception-sessions/${s.id}/files?purpose=minutes`, payload, headers };
    },
  },
  'GET /api/dialogue-files/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/dialogue-files/${(await fileAt(c, loc)).id}` }) },
  'DELETE /api/dialogue-files/:id': { request: async (c, loc) => ({ method: 'DELETE', url: `/api/dialogue-files/${(await fileAt(c, loc)).id}` }) },
};
