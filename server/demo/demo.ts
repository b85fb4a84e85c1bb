import type { Db } from '../db/database.js';

export async function loadDemoData(_db: Db): Promise<{ summary: string }> {
  return { summary: 'nothing yet' };
}
