/**
 * `danvan user create` and `danvan user reset-password`: the operator's way to make or recover an
 * account without the web app (the first admin locked out, a batch of accounts by script). They
 * call the same services as the HTTP API, as the system actor.
 */
import { ROLES } from '../../common/access.js';
import { CreateUserBody } from '../../common/users.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR } from '../http/access.js';
import { resolveUnitRef } from '../modules/units/units-history.service.js';
import { createUser, findUserIdByUsername, resetPassword } from '../modules/users/users.service.js';
import type { Command } from './command.js';
import { usageProblem } from './help.js';
import { withDatabase } from './with-database.js';


const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

function printPassword(password: string): void {
  console.log('Temporary password (shown only this once; it must be changed at the first sign-in):');
  console.log(`  ${password}`);
}

export const userCreateCommand: Command = {
  name: 'user create',
  summary: 'Create an account with a role on a unit',
  usage: '<username> --name "<full name>" --unit <id | kind:code[@YYYY-MM-DD]> --role <role> [options]',
  args: [{ name: '<username>', description: 'The sign-in name: 3–64 letters, digits, dots, dashes or underscores (stored in lower case).' }],
  options: {
    name: { type: 'string', value: '"<full name>"', description: 'The person\'s name as the app shows it.', required: true },
    unit: { type: 'string', value: '<id | kind:code[@YYYY-MM-DD]>', description: 'The unit the role is granted on (it covers the unit\'s whole subtree): an id or an official reference such as province:37.', required: true },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', description: 'The day a reference without @date is read at (which unit held the code then).', default: 'today' },
    role: { type: 'string', value: '<role>', description: `One of ${ROLES.join(', ')} (docs/access.md).`, required: true },
    email: { type: 'string', value: '<address>', description: 'The account\'s e-mail address.', default: 'none' },
    password: { type: 'string', value: '<password>', description: 'The password to set (at least 10 varied characters). Mind that it stays in the shell\'s history.', default: 'a temporary password, printed once and to be changed at the first sign-in' },
  },
  notes: ['Audited as done by "system". Exit code 1 when the input is refused (the reason is printed), 2 when an argument is missing.'],
  examples: [
    { command: 'danvan user create lan.pham --name "Phạm Thị Lan" --unit province:37 --role editor', does: 'An editor for Tỉnh Ninh Bình; prints a temporary password.' },
  ],
  async run({ config, values, positionals }) {
    const [username, ...extra] = positionals;
    const displayName = text(values.name);
    const unitRef = text(values.unit);
    const role = text(values.role);
    if (!username || !displayName || !unitRef || !role) {
      const missing = [!username && '<username>', !displayName && '--name', !unitRef && '--unit', !role && '--role'].filter(Boolean);
      return usageProblem(userCreateCommand, `missing ${missing.join(', ')}`);
    }
    if (extra.length) return usageProblem(userCreateCommand, `one <username>, not ${positionals.length}`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new AppError('VALIDATION_FAILED', `Unknown role "${role}"; one of ${ROLES.join(', ')}`, { role });
    }
    return withDatabase(config, async ({ db }) => {
      const parsed = CreateUserBody.safeParse({ username, displayName, email: text(values.email), password: text(values.password), unitId: (await resolveUnitRef(db, unitRef, { asOf: text(values['as-of']) })).unit.id, role });
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
  summary: 'Give an account a new password and end its sessions',
  usage: '<username> [--password <password>]',
  args: [{ name: '<username>', description: 'The account\'s sign-in name.' }],
  options: {
    password: { type: 'string', value: '<password>', description: 'The new password (at least 10 varied characters); it must still be changed at the next sign-in.', default: 'a generated one, printed once' },
  },
  notes: ['For the administrator locked out, or an account whose owner forgot the password. Audited as done by "system".'],
  examples: [{ command: 'danvan user reset-password admin', does: 'A new temporary password for the account admin, printed once.' }],
  async run({ config, values, positionals }) {
    const [username, ...extra] = positionals;
    if (!username) return usageProblem(userResetPasswordCommand, 'missing <username>');
    if (extra.length) return usageProblem(userResetPasswordCommand, `one <username>, not ${positionals.length}`);
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
