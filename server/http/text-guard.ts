/**
 * Text PostgreSQL cannot take is refused at the edge, once for every route: U+0000 (text and
 * jsonb columns reject it, "invalid byte sequence for encoding UTF8: 0x00") and UTF-16 surrogates
 * without their pair (JSON allows "\ud800"; jsonb rejects it and a text column would silently get
 * U+FFFD). Body, query string and path parameters are walked before the route's schema runs, so
 * no service ever sees such a string. Headers need nothing: Node's HTTP parser answers 400 to a
 * control character in a header, and decodes the rest as Latin-1 (no surrogates).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

type Node = { value: unknown; key: string; parent: Node | null };

/**
 * The path (`body.title`, `querystring.q`, `body.names` for a bad key) of the first string in `value`
 * PostgreSQL cannot store, or null. Iterative, and the path is spelt only when something is
 * found: a body nested a hundred thousand levels deep must neither overflow the stack nor cost
 * more than its parsing.
 */
export function findUnstorableText(value: unknown, root: string): string | null {
  const pathOf = (node: Node) => {
    const keys: string[] = [];
    for (let n: Node | null = node; n; n = n.parent) keys.push(n.key);
    return keys.reverse().join('.');
  };
  const stack: Node[] = [{ value, key: root, parent: null }];
  while (stack.length) {
    const node = stack.pop() as Node;
    const current = node.value;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return pathOf(node);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: String(i), parent: node });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const object = current as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        if (!isStorableText(key)) return pathOf(node);
        stack.push({ value: object[key], key, parent: node });
      }
    }
  }
  return null;
}

export function invalidCharacter(path: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The text contains a character that cannot be stored (U+0000 or an unpaired surrogate)', [
    { path, reason: 'invalid_character', code: 'invalid_character', message: 'contains U+0000 or an unpaired UTF-16 surrogate' },
  ]);
}

/** Refuses, with VALIDATION_FAILED naming the field, any request carrying text PostgreSQL cannot store. */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    // Named as the schema validation names them in its details.
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const path = findUnstorableText(value, part);
      if (path) throw invalidCharacter(path);
    }
  });
}
