/**
 * "Replicated from" of the import: which recognised entry each row copies. Resolved once the
 * whole file has been read, because the source may be a row of the same file (recognised there):
 * against the database — which, on an import, already holds the file's rows — and the file's
 * own recognised rows (for the error report, which writes nothing). A source is named by its id
 * or its title; it must be readable by the importer, recognised, and not the row itself.
 */
import type { Db } from '../../db/database.js';
import { type Actor, canReadRecord } from '../../http/access.js';
import type { SourceRef } from './entries-import-history.js';
import type { SheetReader } from './entries-import-reader.js';
import * as repo from './entries-import.repository.js';

/** (registering unit, year, title key): an entry's natural key, as the import matches rows by it. */
export const naturalKey = (unitId: string, year: number, titleKey: string) => `${unitId}|${year}|${titleKey}`;

/** A link to write: the row's entry copies the source (both by natural key). */
export type SourceLink = { row: number; replicaKey: string; sourceKey: string };

export class FileSources {
  private readonly refs: { row: number; replicaKey: string; ref: SourceRef }[] = [];
  /** Rows of the file that reach "recognised": natural key → title key. */
  private readonly recognised = new Map<string, string>();

  add(row: number, replicaKey: string, ref: SourceRef | null, recognised: boolean, titleKey: string): void {
    if (ref) this.refs.push({ row, replicaKey, ref });
    if (recognised) this.recognised.set(replicaKey, titleKey);
  }

  get size(): number {
    return this.refs.length;
  }

  /** Resolves every reference (one query by id, one by title), reporting UNKNOWN_ENTRY, AMBIGUOUS_ENTRY, SOURCE_NOT_RECOGNISED and REPLICATES_ITSELF. */
  async resolve(db: Db, actor: Actor, sheet: SheetReader): Promise<SourceLink[]> {
    if (!this.refs.length) return [];
    const ids = [...new Set(this.refs.flatMap((r) => (r.ref.kind === 'id' ? [r.ref.id] : [])))];
    const titles = [...new Set(this.refs.flatMap((r) => (r.ref.kind === 'title' ? [r.ref.titleKey] : [])))];
    const [byId, byTitle] = await Promise.all([repo.findSourcesByIds(db, ids), repo.findSourcesByTitleKeys(db, titles)]);
    const readable = (e: repo.SourceCandidate) => canReadRecord(actor, e.unit_path, e.current_path);
    const keyOf = (e: repo.SourceCandidate) => naturalKey(e.registering_unit_id, e.year, e.title_key);
    const isRecognised = (key: string, status?: string) => status === 'recognised' || this.recognised.has(key);

    const idIndex = new Map(byId.filter(readable).map((e) => [e.id, e]));
    // Candidates by title: readable entries of the database, and the file's recognised rows (the same entry once).
    const titleIndex = new Map<string, Map<string, string | undefined>>();
    for (const e of byTitle.filter(readable)) {
      if (!titleIndex.has(e.title_key)) titleIndex.set(e.title_key, new Map());
      titleIndex.get(e.title_key)!.set(keyOf(e), e.status);
    }
    if (titles.length) {
      const wanted = new Set(titles);
      for (const [key, title] of this.recognised) {
        if (!wanted.has(title)) continue;
        if (!titleIndex.has(title)) titleIndex.set(title, new Map());
        const m = titleIndex.get(title)!;
        if (!m.has(key)) m.set(key, 'recognised');
      }
    }

    const links: SourceLink[] = [];
    for (const { row, replicaKey, ref } of this.refs) {
      if (ref.kind === 'id') {
        const e = idIndex.get(ref.id);
        if (!e) sheet.problem(row, 'replicatedFrom', 'UNKNOWN_ENTRY', { value: ref.text });
        else if (keyOf(e) === replicaKey) sheet.problem(row, 'replicatedFrom', 'REPLICATES_ITSELF');
        else if (!isRecognised(keyOf(e), e.status)) sheet.problem(row, 'replicatedFrom', 'SOURCE_NOT_RECOGNISED');
        else links.push({ row, replicaKey, sourceKey: keyOf(e) });
        continue;
      }
      const cands = [...(titleIndex.get(ref.titleKey) ?? new Map<string, string | undefined>())].filter(([key]) => key !== replicaKey);
      const recognised = cands.filter(([key, status]) => isRecognised(key, status));
      if (!cands.length) sheet.problem(row, 'replicatedFrom', 'UNKNOWN_ENTRY', { value: ref.text });
      else if (recognised.length > 1) sheet.problem(row, 'replicatedFrom', 'AMBIGUOUS_ENTRY', { count: recognised.length });
      else if (!recognised.length) sheet.problem(row, 'replicatedFrom', 'SOURCE_NOT_RECOGNISED');
      else links.push({ row, replicaKey, sourceKey: recognised[0]![0] });
    }
    return links;
  }
}
