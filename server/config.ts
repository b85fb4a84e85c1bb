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
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  DANVAN_TRUST_PROXY: boolish.default(false),
  /** Session lifetime in hours without activity. */
  DANVAN_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Largest accepted JSON request body, in bytes. */
  DANVAN_BODY_LIMIT: z.coerce.number().int().min(1024).default(1024 * 1024),
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
  trustProxy: boolean;
  sessionHours: number;
  bodyLimit: number;
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
    sessionHours: e.DANVAN_SESSION_HOURS,
    bodyLimit: e.DANVAN_BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    webDir: path.join(projectRoot, 'dist', 'web'),
    ...overrides,
  };
}
