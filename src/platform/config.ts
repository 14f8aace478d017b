/**
 * The one place that reads the environment. Every variable is validated with zod; a bad value
 * stops start-up with a message that names the variable (see `loadConfig`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://')

/** The value may hold a password: messages never repeat it. */
const smtpUrl = z
  .string()
  .url()
  .refine((v) => /^smtps?:\/\/[^/?#]+/i.test(v), 'must start with smtp:// or smtps:// and name a host')

/** `Name <address>` or a bare address, on one line (it becomes the From header). */
const mailFrom = z
  .string()
  .max(200)
  .regex(/^(?:[^<>\r\n"]{0,100}<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, 'must be an address such as "AMRAC <no-reply@amlo.go.th>"')


/**
 * Phone numbers for the footer and help page: comma-separated, each a Thai number with an optional
 * extension, e.g. "0 2219 3600 ext 3601, 0 2219 3610" ("ต่อ" or "#" also mark the extension).
 */
const PHONE_PATTERN = /^(0[0-9 -]{7,15}[0-9])(?:\s*(?:ext\.?|ต่อ|#|x)\s*([0-9]{1,6}))?$/i
export type ContactPhone = { number: string; ext: string | null }
const phoneList = z
  .string()
  .max(300)
  .transform((v, ctx) => {
    const phones: ContactPhone[] = []
    for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = PHONE_PATTERN.exec(part)
      const digits = m?.[1]!.replace(/[ -]/g, '') ?? ''
      if (!m || digits.length < 9 || digits.length > 10) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a phone number such as "0 2219 3600 ext 3601"` })
        return z.NEVER
      }
      phones.push({ number: m[1]!, ext: m[2] ?? null })
    }
    if (!phones.length) {
      ctx.addIssue({ code: 'custom', message: 'must list at least one phone number' })
      return z.NEVER
    }
    return phones
  })
const contactEmail = z.string().max(200).regex(/^[^\s<>@"]+@[^\s<>@"]+\.[^\s<>@"]+$/, 'must be an e-mail address')
/** A LINE ID such as "@amlo" (official accounts start with @). */
const lineId = z.string().regex(/^@?[A-Za-z0-9._-]{2,40}$/, 'must be a LINE ID such as "@amrac"')
/** The LINE QR image: an https:// URL, a file under /assets on this site ("/assets/…"), or an image file on disk. */
const QR_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.svg', '.webp']
export const MAX_QR_BYTES = 512 * 1024
export type LineQr = { kind: 'url'; url: string } | { kind: 'file'; path: string }
export type ContactConfig = {
  technical: { email: string; phones: ContactPhone[] }
  content: { email: string; phones: ContactPhone[] }
  /** null: no LINE channel shown. `qr` null: the server draws the QR code of `url` itself. */
  line: { id: string; url: string; qr: LineQr | null } | null
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Defaults: 127.0.0.1 outside production (a laptop's demo accounts stay on the laptop), 0.0.0.0 in production. */
  HOST: z.string().min(1).optional(),
  /** Public base URL used in e-mails and security.txt; defaults to http://localhost:PORT. */
  BASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Server processes (node:cluster) sharing the port. Unset: one per CPU core with DATABASE_URL,
   * one with the embedded PGlite (a single process owns its data directory).
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a known reverse proxy only: honour X-Forwarded-For. */
  TRUST_PROXY: bool.default(false),
  /** Seed the demo registry on the first start of an empty embedded database. */
  SEED_ON_EMPTY: bool.default(true),
  SECURITY_CONTACT: z.string().min(3).default('mailto:security@amlo.go.th'),
  /** smtp://user:pass@host:587 or smtps://…:465. Unset: mail is kept locally and shown at /dev/mail. */
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: mailFrom.default('AMRAC <no-reply@amlo.go.th>'),
  /** A Chromium binary for PDFs (e.g. /usr/bin/chromium); unset: the one inside @sparticuz/chromium. */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Largest uploaded file (screenshots, attachments), in MB; the multipart limit and receiveUpload use it. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(20),
  /** PDFs (reports, receipts, forms) one address may ask for in a minute; more get a 429 page. */
  PDF_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Contact channels shown in the footer and on /help (README, "Contact details"). */
  CONTACT_TECHNICAL_EMAIL: contactEmail.default('amrac-admin@amlo.go.th'),
  CONTACT_TECHNICAL_PHONES: phoneList.prefault('0 2219 3600 ext 3601'),
  CONTACT_CONTENT_EMAIL: contactEmail.default('amrac-supervision@amlo.go.th'),
  CONTACT_CONTENT_PHONES: phoneList.prefault('0 2219 3600 ext 3602'),
  CONTACT_LINE_ID: lineId.optional(),
  CONTACT_LINE_QR: z.string().min(1).max(500).optional(),
  /** Seconds between audit-chain sealing rounds in the server; 0 turns the timer off. */
  AUDIT_SEAL_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(10),
})

export type Config = {
  env: 'development' | 'production' | 'test'
  isProduction: boolean
  port: number
  host: string
  baseUrl: string
  dataDir: string
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; poolMax: number }
  /** Server processes (WEB_CONCURRENCY); always 1 on PGlite. Each has its own pool of DB_POOL_MAX. */
  workers: number
  sessionSecret: string
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  trustProxy: boolean
  seedOnEmpty: boolean
  securityContact: string
  /** `smtpUrl: null` keeps mail in the local mailbox (never log smtpUrl: it may hold a password). */
  mail: { smtpUrl: string | null; from: string }
  chromiumPath: string | null
  /** MAX_UPLOAD_MB (default 20) and the same in bytes. */
  maxUploadMb: number
  maxUploadBytes: number
  /** PDF_RATE_LIMIT_PER_MINUTE (default 30). */
  pdfRateLimitPerMinute: number
  /** CONTACT_* (footer and help page). */
  contact: ContactConfig
  /** AUDIT_SEAL_INTERVAL_SECONDS in ms (0: not sealed on a timer). */
  auditSealIntervalMs: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const DEV_SESSION_SECRET = 'amrac-development-only-session-secret-0123456789'

type Env = z.infer<typeof EnvSchema>

function lineQr(value: string): LineQr {
  if (/^https:\/\//i.test(value)) {
    if (!z.string().url().safeParse(value).success) throw new ConfigError([`CONTACT_LINE_QR: "${value}" is not a valid URL`])
    return { kind: 'url', url: value }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new ConfigError([`CONTACT_LINE_QR: must be an https:// URL (not ${value.split(':')[0]}://)`])
  if (/^\/assets\/[A-Za-z0-9._~/-]+$/.test(value) && !value.includes('..')) return { kind: 'url', url: value }
  const file = path.resolve(value)
  if (!QR_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    throw new ConfigError([`CONTACT_LINE_QR: must be an https:// URL, a /assets/… path, or a ${QR_EXTENSIONS.join('/')} file`])
  }
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    throw new ConfigError([`CONTACT_LINE_QR: file ${file} does not exist`])
  }
  if (size > MAX_QR_BYTES) throw new ConfigError([`CONTACT_LINE_QR: file ${file} is larger than ${MAX_QR_BYTES / 1024} KB`])
  return { kind: 'file', path: file }
}

function contactConfig(e: Env): ContactConfig {
  if (e.CONTACT_LINE_QR && !e.CONTACT_LINE_ID) throw new ConfigError(['CONTACT_LINE_QR: set CONTACT_LINE_ID too (the page names the account)'])
  const id = e.CONTACT_LINE_ID ? (e.CONTACT_LINE_ID.startsWith('@') ? e.CONTACT_LINE_ID : `@${e.CONTACT_LINE_ID}`) : null
  return {
    technical: { email: e.CONTACT_TECHNICAL_EMAIL, phones: e.CONTACT_TECHNICAL_PHONES },
    content: { email: e.CONTACT_CONTENT_EMAIL, phones: e.CONTACT_CONTENT_PHONES },
    line: id ? { id, url: `https://line.me/R/ti/p/${encodeURIComponent(id)}`, qr: e.CONTACT_LINE_QR ? lineQr(e.CONTACT_LINE_QR) : null } : null,
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Treat empty strings as unset so `PORT= npm start` behaves like no PORT at all.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = EnvSchema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    )
  }
  const e = parsed.data
  const isProduction = e.NODE_ENV === 'production'
  if (isProduction && !e.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: required when NODE_ENV=production'])
  }
  if (isProduction && !e.DATABASE_URL) {
    // Production runs on PostgreSQL (docs/decisions/0002): PGlite is for one-machine use only.
    throw new ConfigError(['DATABASE_URL: required when NODE_ENV=production'])
  }
  if (isProduction && !e.SMTP_URL) {
    // Without SMTP, confirmation and reset e-mails would silently stay in the local mailbox.
    throw new ConfigError(['SMTP_URL: required when NODE_ENV=production'])
  }
  if (!e.DATABASE_URL && e.WEB_CONCURRENCY !== undefined && e.WEB_CONCURRENCY > 1) {
    // The embedded database lives inside one process; several processes need a PostgreSQL server.
    throw new ConfigError(['WEB_CONCURRENCY: more than 1 needs DATABASE_URL (the embedded PGlite database runs in one process)'])
  }
  const dataDir = path.resolve(e.DATA_DIR)
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX }
      : { kind: 'pglite', dir: path.join(dataDir, 'pgdata') },
    workers: e.DATABASE_URL ? (e.WEB_CONCURRENCY ?? os.availableParallelism()) : 1,
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    seedOnEmpty: e.SEED_ON_EMPTY,
    securityContact: e.SECURITY_CONTACT,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM.trim() },
    chromiumPath: e.CHROMIUM_PATH ?? null,
    maxUploadMb: e.MAX_UPLOAD_MB,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    pdfRateLimitPerMinute: e.PDF_RATE_LIMIT_PER_MINUTE,
    contact: contactConfig(e),
    auditSealIntervalMs: e.AUDIT_SEAL_INTERVAL_SECONDS * 1000,
  }
}
