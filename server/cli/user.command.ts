/**
 * `danvan user create` and `danvan user reset-password`: the operator's way to make or recover an
 * account without the web app (the first admin locked out, a batch of accounts by script). They
 * call the same services as the HTTP API, as the system actor.
 */
import { ROLES } from '../../common/access.js';
import { CreateUserBody } from '../../common/users.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import { findUnitsInForceByCode } from '../modules/units/units.repository.js';
import { createUser, findUserIdByUsername, resetPassword } from '../modules/users/users.service.js';
import type { Command } from './commands.js';
import { withDatabase } from './with-database.js';


/**
 * `--unit`: a unit id (digits without a leading zero), `kind:code` (province:01, commune:00004)
 * for the unit in force of that kind and official code, or a bare official code (01) when only
 * one unit in force carries it.
 */
export async function resolveUnit(db: Db, ref: string): Promise<string> {
  const value = ref.trim();
  if (/^[1-9]\d{0,17}$/.test(value)) return value;
  const [kind, code] = value.includes(':') ? value.split(':', 2) : [undefined, value];
  if (!code) throw new AppError('VALIDATION_FAILED', `--unit ${ref}: give a unit id, kind:code (province:01) or an official code`);
  const found = await findUnitsInForceByCode(db, code, kind);
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0) throw new AppError('NOT_FOUND', `No unit in force has the ${kind ? `${kind} ` : ''}code ${code}`, { unit: ref });
  const choices = found.map((u) => `${u.kind}:${u.code} (${u.name}, id ${u.id})`).join(', ');
  throw new AppError('VALIDATION_FAILED', `--unit ${ref} is ambiguous: ${choices}; write kind:code or the id`, { unit: ref });
}

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

function printPassword(password: string): void {
  console.log('Temporary password (shown only this once; it must be changed at the first sign-in):');
  console.log(`  ${password}`);
}

export const userCreateCommand: Command = {
  name: 'user create',
  summary: 'Create an account: <username> --name … --unit <id|kind:code> --role <role> [--password …]',
  options: { name: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
  async run({ config, values, positionals }) {
    const [username, ...extra] = positionals;
    const displayName = text(values.name);
    const unitRef = text(values.unit);
    const role = text(values.role);
    if (!username || extra.length || !displayName || !unitRef || !role) {
      console.error('Usage: danvan user create <username> --name "Display Name" --unit <id | kind:code> --role <role> [--email …] [--password …]');
      console.error(`Roles: ${ROLES.join(', ')}. Without --password a temporary one is generated and shown once.`);
      return 2;
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new AppError('VALIDATION_FAILED', `Unknown role "${role}"; one of ${ROLES.join(', ')}`, { role });
    }
    return withDatabase(config, async ({ db }) => {
      const parsed = CreateUserBody.safeParse({ username, displayName, email: text(values.email), password: text(values.password), unitId: await resolveUnit(db, unitRef), role });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
        throw new AppError('VALIDATION_FAILED', `Invalid account: ${issues.join('; ')}`, { issues });
      }
      const { user, temporaryPassword } = await createUser({ db, config }, SYSTEM_ACTOR, parsed.data);
      const unit = await db.selectFrom('units').select(['name', 'kind', 'code']).where('id', '=', parsed.data.unitId).executeTakeFirstOrThrow();
      console.log(`Created the account ${user.username} (id ${user.id}): ${parsed.data.role} on ${unit.name} (${unit.kind}${unit.code ? ` ${unit.code}` : ''}, id ${parsed.data.unitId}).`);
      if (temporaryPassword) printPassword(temporaryPassword);
      return 0;
    });
  },
};

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  summary: 'New password for <username> (generated unless --password); ends its sessions',
  options: { password: { type: 'string' } },
  async run({ config, values, positionals }) {
    const [username, ...extra] = positionals;
    if (!username || extra.length) {
      console.error('Usage: danvan user reset-password <username> [--password …]');
      return 2;
    }
    return withDatabase(config, async ({ db }) => {
      const ctx = { db, config };
      const userId = await findUserIdByUsername(ctx, username);
      if (!userId) throw new AppError('NOT_FOUND', `No account is named ${username}`, { username });
      const password = text(values.password);
      const { temporaryPassword } = await resetPassword(ctx, SYSTEM_ACTOR, userId, password);
      console.log(`The password of ${username.trim().toLowerCase()} is reset, its sessions are ended and a new password must be chosen at the next sign-in.`);
      if (password === undefined) printPassword(temporaryPassword);
      return 0;
    });
  },
};
