/**
 * Demo policy documents on the root unit (docs/leadership-loop.md §1, verified there): Nghị quyết
 * 25-NQ/TW (03/6/2013), Kết luận 43-KL/TW (07/01/2019) implementing it, and Quyết định 23-QĐ/TW
 * (30/7/2021) replacing 290-QĐ/TW (25/02/2010). Through the same services as the API; idempotent.
 */
import type { Db } from '../db/database.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import type { Ctx } from '../http/context.js';
import { findIssuedDuplicate } from '../modules/policy-documents/policy-documents.repository.js';
import { createDocument, issueDocument, putLinks } from '../modules/policy-documents/policy-documents.service.js';

type DemoDocument = { key: string; kind: string; issuingBody: string; number: string; symbol: string; issuedOn: string; title: string; validTo?: string };

const DOCUMENTS: DemoDocument[] = [
  {
    key: 'nq25',
    kind: 'resolution',
    issuingBody: 'Ban Chấp hành Trung ương',
    number: '25',
    symbol: 'NQ/TW',
    issuedOn: '2013-06-03',
    title: 'Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới',
  },
  // The exact title of Kết luận 43 is not verified (docs/leadership-loop.md §1): a plain description.
  { key: 'kl43', kind: 'conclusion', issuingBody: 'Ban Bí thư', number: '43', symbol: 'KL/TW', issuedOn: '2019-01-07', title: 'Về tiếp tục thực hiện Nghị quyết số 25-NQ/TW' },
  {
    key: 'qd290',
    kind: 'regulation',
    issuingBody: 'Bộ Chính trị',
    number: '290',
    symbol: 'QĐ/TW',
    issuedOn: '2010-02-25',
    title: 'Ban hành Quy chế công tác dân vận của hệ thống chính trị',
    validTo: '2021-07-30',
  },
  { key: 'qd23', kind: 'regulation', issuingBody: 'Bộ Chính trị', number: '23', symbol: 'QĐ/TW', issuedOn: '2021-07-30', title: 'Ban hành Quy chế công tác dân vận của hệ thống chính trị' },
];

/** Adds the documents missing and their links; answers how many documents it added. */
export async function loadDemoPolicyDocuments(db: Db, ctx: Ctx): Promise<{ policyDocuments: number }> {
  const root = await db.selectFrom('units').select('id').where('kind', '=', 'country').orderBy('id').executeTakeFirst();
  if (!root) return { policyDocuments: 0 };
  const ids: Record<string, string> = {};
  let added = 0;
  for (const d of DOCUMENTS) {
    const existing = await findIssuedDuplicate(db, { symbol: d.symbol, number: d.number, issuedOn: d.issuedOn });
    if (existing) {
      ids[d.key] = existing;
      continue;
    }
    const draft = await createDocument(ctx, SYSTEM_ACTOR, {
      kind: d.kind,
      issuingUnitId: root.id,
      issuingBody: d.issuingBody,
      number: d.number,
      symbol: d.symbol,
      issuedOn: d.issuedOn,
      title: d.title,
      validFrom: d.issuedOn,
      validTo: d.validTo ?? null,
    });
    const issued = await issueDocument(ctx, SYSTEM_ACTOR, draft.id, { version: draft.version });
    ids[d.key] = issued.id;
    added++;
  }
  if (!added) return { policyDocuments: 0 };
  for (const [from, link] of [['kl43', { implements: ['nq25'] }], ['qd23', { replaces: ['qd290'] }]] as const) {
    const current = await db.selectFrom('policy_documents').select('version').where('id', '=', ids[from]!).executeTakeFirstOrThrow();
    const has = await db.selectFrom('policy_document_links').select('to_id').where('from_id', '=', ids[from]!).executeTakeFirst();
    if (has) continue;
    await putLinks(ctx, SYSTEM_ACTOR, ids[from]!, {
      implements: 'implements' in link ? link.implements.map((k) => ids[k]!) : [],
      replaces: 'replaces' in link ? link.replaces.map((k) => ids[k]!) : [],
      amends: [],
      version: current.version,
    });
  }
  return { policyDocuments: added };
}
