/**
 * Every environment variable danvan reads, validated once at start.
 * Nothing else in the code reads `process.env`; everything receives a Config.
 */
import path from 'node:path';
import { projectRoot } from './paths.js';
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  /** HTTP port of the app. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to bind. Loopback by default: a trial install is not exposed to the network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL ≥ 15 connection string. Absent: the embedded engine runs with its data in DANVAN_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded engine's data (and its lock). */
  DANVAN_DATA_DIR: z.string().min(1).default('./data'),
  /** Initial password of the `admin` account; absent: a random one is printed once at first start. */
  DANVAN_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Set when the app is served over TLS (directly or behind a proxy): session cookies get `Secure`. */
  DANVAN_SECURE_COOKIES: boolish.optional(),
  /**
   * Which X-Forwarded-* hops to believe (behind a reverse proxy): `false` (none, the default), the
   * number of proxies in front of danvan (`1` for one nginx), or a comma-separated list of the
   * proxies' addresses or CIDR ranges. `true` (every hop) is refused: a client would then choose
   * its own address and walk past the sign-in lock-out and the public form's rate limit.
   */
  DANVAN_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v, ctx): false | number | string[] => {
      if (['false', '0', 'no'].includes(v)) return false;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      if (['true', 'yes'].includes(v)) {
        ctx.addIssue({ code: 'custom', message: 'say how many proxies are in front of danvan (e.g. 1) or list their addresses; "true" would trust any client' });
        return z.NEVER;
      }
      const list = v.split(',').map((a) => a.trim()).filter(Boolean);
      const bad = list.filter((a) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a));
      if (!list.length || bad.length) {
        ctx.addIssue({ code: 'custom', message: `not a hop count or a list of proxy addresses: ${bad.join(', ') || v}` });
        return z.NEVER;
      }
      return list;
    }),
  /**
   * The address officers and citizens use, e.g. `https://danvan.tinhxyz.gov.vn`. Its origin is the
   * only one whose browsers may change data (cross-site request forgery check); absent, the origin
   * is the request's own host.
   */
  DANVAN_PUBLIC_URL: z.string().url().optional(),
  /** Send Strict-Transport-Security (only when the app is served over HTTPS). */
  DANVAN_HSTS: boolish.default(false),
  /** A read-only PostgreSQL replica for reports (streaming replication of DATABASE_URL's primary). */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /**
   * Who runs the public petition page, as citizens should read it there, on the receipt and in
   * the data-protection notice: the agency's name (e.g. `Ban Tuyên giáo và Dân vận Tỉnh ủy Ninh
   * Bình`), its address, hotline and e-mail. Absent: the page names the unit the citizen writes to.
   */
  DANVAN_AGENCY_NAME: z.string().trim().min(1).max(200).optional(),
  DANVAN_AGENCY_ADDRESS: z.string().trim().min(1).max(300).optional(),
  DANVAN_HOTLINE: z.string().trim().min(1).max(50).optional(),
  DANVAN_AGENCY_EMAIL: z.string().trim().email().max(200).optional(),
  /** Session lifetime in hours without activity. */
  DANVAN_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Largest accepted JSON request body, in bytes. */
  DANVAN_BODY_LIMIT: z.coerce.number().int().min(1024).default(1024 * 1024),
  /**
   * Memory for answers kept by each process (reports and the dashboard), in MB; 0 keeps none (every
   * answer is computed; ETags still answer 304). docs/scaling.md, "Answers cached across processes".
   */
  DANVAN_ANSWER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  /** Log level of the server. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  secureCookies: boolean | undefined;
  /** false: trust no proxy; a number: that many hops; a list: those proxies' addresses / CIDRs. */
  trustProxy: false | number | string[];
  /** The app's public origin (scheme://host[:port]) when configured. */
  publicOrigin: string | undefined;
  hsts: boolean;
  databaseReplicaUrl: string | undefined;
  /** The agency behind the public petition page (DANVAN_AGENCY_*, DANVAN_HOTLINE); each part may be absent. */
  agency: { name?: string; address?: string; hotline?: string; email?: string };
  sessionHours: number;
  bodyLimit: number;
  /** Bytes of answers each process keeps (DANVAN_ANSWER_CACHE_MB). */
  answerCacheBytes: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Folder of the built web app served at `/`. */
  webDir: string;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DANVAN_DATA_DIR),
    adminPassword: e.DANVAN_ADMIN_PASSWORD,
    secureCookies: e.DANVAN_SECURE_COOKIES,
    trustProxy: e.DANVAN_TRUST_PROXY,
    publicOrigin: e.DANVAN_PUBLIC_URL ? new URL(e.DANVAN_PUBLIC_URL).origin : undefined,
    hsts: e.DANVAN_HSTS,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    agency: { name: e.DANVAN_AGENCY_NAME, address: e.DANVAN_AGENCY_ADDRESS, hotline: e.DANVAN_HOTLINE, email: e.DANVAN_AGENCY_EMAIL },
    sessionHours: e.DANVAN_SESSION_HOURS,
    bodyLimit: e.DANVAN_BODY_LIMIT,
    answerCacheBytes: e.DANVAN_ANSWER_CACHE_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    webDir: path.join(projectRoot, 'dist', 'web'),
    ...overrides,
  };
}
