/**
 * `canReadRecord` over a list: where a list of records (entries, commendations) looks for a reader.
 * The SQL lives in record-area.repository.ts.
 */
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { type Actor, canReadRecord, readScopes } from './access.js';
import { findRecordArea, findUnitPaths, type RecordArea } from './record-area.repository.js';

export type { RecordArea } from './record-area.repository.js';

/**
 * The area of the records the actor reads: the units it reads and the retired units whose records
 * count under them. With `unitId`, narrowed to that unit's subtree and the units counting under it,
 * as its report counts them; a unit the actor may not read answers NOT_FOUND, like one that does
 * not exist.
 */
export async function readableArea(db: Db, actor: Actor, unitId?: string): Promise<RecordArea> {
  if (unitId === undefined) return findRecordArea(db, readScopes(actor));
  const unit = await findUnitPaths(db, unitId);
  if (!unit || !canReadRecord(actor, unit.path, unit.current_path)) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
  return findRecordArea(db, readScopes(actor), unit.path);
}
