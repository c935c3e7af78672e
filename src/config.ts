import { createECDH } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const base64urlOf = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url without padding')
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `must decode to ${bytes} bytes`)

/** The push services browsers subscribe with (Chrome/Edge, Firefox, Windows, Safari). */
const KNOWN_PUSH_SERVICES =
  'fcm.googleapis.com,updates.push.services.mozilla.com,notify.windows.com,push.apple.com'

const MIB = 1024 * 1024

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).optional(),
  TRUST_PROXY: boolish.optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().positive().default(3000),
  RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Sign-in and verification codes asked for per address and minute (SMS costs money). */
  RATE_LIMIT_CODES_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Health certificate verifications per address and minute (public API for partner systems). */
  RATE_LIMIT_VERIFY_PER_MINUTE: z.coerce.number().int().min(60).default(600),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .default(20 * MIB),
  ATTACHMENT_MAX_PER_CASE: z.coerce.number().int().positive().default(200),
  ATTACHMENT_MAX_CASE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * MIB),
  MFA_REQUIRED: boolish.optional(),
  /** In demo mode, also load the demo world (synthetic citizens, cases, an alert, a crisis); off for tests that own their data. */
  DEMO_WORLD: boolish.optional(),
  TOTP_ISSUER: z.string().default('Lingshi'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Lingshi 领事 <no-reply@lingshi.local>'),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  APPLICATION_PURGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  PAYMENT_PAGE_URL: z
    .string()
    .url()
    .refine((u) => /^https?:/.test(u), 'an http(s) URL')
    .optional(),
  PAYMENT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  PAYMENT_MERCHANT_ID: z.string().trim().min(1).max(64).default('lingshi'),
  VAPID_PUBLIC_KEY: base64urlOf(65).optional(),
  VAPID_PRIVATE_KEY: base64urlOf(32).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL')
    .default('mailto:no-reply@lingshi.local'),
  PUSH_CA_FILE: z.string().min(1).optional(),
  PUSH_SERVICE_HOSTS: z
    .string()
    .regex(/^(\*|[a-z0-9.-]+(,[a-z0-9.-]+)*)$/i, 'must be * or host names separated by commas')
    .default(KNOWN_PUSH_SERVICES),
  ALERT_FEEDS: z
    .string()
    .regex(
      /^((usgs|gdacs|cap)=https?:\/\/[^\s,]+)(,(usgs|gdacs|cap)=https?:\/\/[^\s,]+)*$/,
      'must be kind=url entries (kind usgs, gdacs or cap) separated by commas',
    )
    .optional(),
  ALERT_FEED_INTERVAL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
  ALERT_FEED_MIN_MAGNITUDE: z.coerce.number().min(0).max(10).default(5),
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().optional(),
  SMS_GATEWAY_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http or https URL')
    .optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  SMS_RATE_PER_SECOND: z.coerce.number().positive().default(20),
  SMS_SENDER_ID: z.string().trim().min(1).max(20).optional(),
  WEBHOOK_ALLOW_HTTP_HOSTS: z
    .string()
    .regex(/^([a-z0-9.:[\]-]+(,[a-z0-9.:[\]-]+)*)?$/i, 'must be host names or addresses separated by commas')
    .default(''),
  WEBHOOK_RATE_PER_SECOND: z.coerce.number().positive().default(200),
  OUTBOUND_ALLOWED_PORTS: z
    .string()
    .regex(/^(\d{1,5}(,\d{1,5})*)?$/, 'must be port numbers separated by commas')
    .transform((v) => (v ? v.split(',').map(Number) : []))
    .refine((ports) => ports.every((p) => p >= 1 && p <= 65535), 'ports are 1-65535')
    .default([]),
  /** Cost of an appointment's proof of work (ALTCHA v1 maxnumber): well under a second in a phone's browser. */
  ALTCHA_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
  /** Bookings and waitlist entries a minute from one address (at least 30). */
  APPOINTMENT_BOOKINGS_PER_MINUTE: z.coerce.number().int().min(30).default(60),
  /** Minutes a called ticket waits at the counter before it counts as missed. */
  APPOINTMENT_CALL_GRACE_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
})

export type DatabaseTarget = { kind: 'embedded'; dataDir: string } | { kind: 'server'; url: string }

export interface Config {
  readonly port: number
  /** HOST; unset, the loopback addresses in demo mode and every address otherwise. */
  readonly host: string
  /** Behind a reverse proxy: the client's address is taken from X-Forwarded-For. */
  readonly trustProxy: boolean
  readonly database: DatabaseTarget
  readonly publicUrl: string | undefined
  /** Where links in e-mail, SMS and webhooks point: PUBLIC_URL, else this machine's port (the demo). */
  readonly linkBase: string
  readonly secureCookies: boolean
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  /** Demo mode seeds demo accounts and lets staff skip TOTP enrolment. */
  readonly demo: boolean
  /** Demo mode's synthetic world (DEMO_WORLD, on by default in demo mode). */
  readonly demoWorld: boolean
  readonly mfaRequired: boolean
  readonly session: { readonly ttlMs: number; readonly idleMs: number }
  readonly rateLimits: {
    readonly apiPerMinute: number
    readonly authPerIpPerMinute: number
    readonly codesPerIpPerMinute: number
    readonly verifyPerMinute: number
  }
  readonly bodyLimit: number
  readonly attachments: AttachmentLimits
  readonly totpIssuer: string
  readonly dataDir: string
  readonly encryptionKey: string | undefined
  /** Without an SMTP server, e-mail is captured in the database and shown to admins. */
  readonly smtpUrl: string | undefined
  readonly mailFrom: string
  /** E-mail sent per second by each worker process; unset is as fast as the SMTP server takes it. */
  readonly mailRatePerSecond: number | undefined
  /** Text messages for emergencies; without a gateway no SMS delivery is created. */
  readonly sms: SmsConfig | undefined
  readonly webhooks: WebhookConfig
  /** Trips and locations are purged this many days after they end. */
  readonly retentionDays: number
  /** An application's photo, signature and uploads are deleted this many days after it ends. */
  readonly applicationPurgeDays: number
  /** The hosted payment page for online fees; without it only the counter takes them. */
  readonly payment: PaymentConfig | undefined
  readonly push: PushConfig
  readonly alertFeeds: AlertFeedsConfig
  readonly appointments: AppointmentsConfig
}

export interface AppointmentsConfig {
  /** The ALTCHA challenge's maxnumber before a booking or waitlist entry. */
  readonly altchaMaxNumber: number
  /** Per address and minute. */
  readonly bookingsPerMinute: number
  readonly callGraceMinutes: number
}

export interface AlertFeedsConfig {
  /** Hazard feeds polled for draft alerts: USGS GeoJSON, GDACS RSS, CAP (a message or an Atom/RSS index of them). */
  readonly feeds: readonly { readonly kind: 'usgs' | 'gdacs' | 'cap'; readonly url: string }[]
  readonly intervalSeconds: number
  readonly minMagnitude: number
}

export interface AttachmentLimits {
  /** Where uploaded files are kept, by content hash; shared by every app server. */
  readonly dir: string
  readonly maxBytes: number
  /** Files a case may hold (removed ones not counted). */
  readonly maxPerCase: number
  readonly maxCaseBytes: number
}

export interface PushConfig {
  /** Configured VAPID keys; without them a pair is generated once and kept in the database. */
  readonly vapidKeys: { readonly publicKey: string; readonly privateKey: string } | undefined
  readonly vapidSubject: string
  /** Extra trusted CA certificates (PEM) for push services, beside the system's roots. */
  readonly extraCa: string | undefined
  /** Hosts a subscription's endpoint may point at (a host or any of its subdomains); '*' is any. */
  readonly serviceHosts: readonly string[] | '*'
  /** Ports an endpoint may name: 443 and OUTBOUND_ALLOWED_PORTS. */
  readonly allowedPorts: readonly number[]
}

export interface PaymentConfig {
  /** Where the citizen is sent with a signed request; the provider calls back signed with the same secret. */
  readonly pageUrl: string
  readonly secret: string
  readonly merchantId: string
}

export interface SmsConfig {
  readonly gatewayUrl: string
  readonly token: string | undefined
  /** Per worker process: with N workers the gateway sees up to N times this. */
  readonly ratePerSecond: number
  readonly senderId: string | undefined
}

export interface WebhookConfig {
  /** Hosts a webhook may reach over plain http, at a private address and any port (local sinks in tests). */
  readonly allowHttpHosts: readonly string[]
  /** Ports a webhook URL may name: 443 and OUTBOUND_ALLOWED_PORTS. */
  readonly allowedPorts: readonly number[]
  /** Per worker process: with N workers the endpoints see up to N times this. */
  readonly ratePerSecond: number
}

export class ConfigError extends Error {}

/** Where a demo listens when HOST is not set: both loopback addresses (127.0.0.1 and ::1). */
export const DEMO_HOST = 'localhost'

export interface ConfigOptions {
  demo?: boolean
}

/** Reads the environment once into a frozen, typed config; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: ConfigOptions = {}): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigError(`Invalid environment: ${problems}`)
  }
  const e = parsed.data
  const push = pushConfig(e)
  const dataDir = path.resolve(e.DATA_DIR)
  const database: DatabaseTarget = e.DATABASE_URL
    ? { kind: 'server', url: e.DATABASE_URL }
    : { kind: 'embedded', dataDir: path.join(dataDir, 'pg') }
  // No DATABASE_URL means the embedded single-node demo: demo data unless told otherwise.
  const demo = options.demo ?? database.kind === 'embedded'
  return Object.freeze({
    port: e.PORT,
    // The demo accounts share a published password: a demo listens on this machine only unless told.
    host: e.HOST ?? (demo ? DEMO_HOST : '0.0.0.0'),
    trustProxy: e.TRUST_PROXY ?? false,
    database,
    publicUrl: e.PUBLIC_URL,
    linkBase: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    secureCookies: e.PUBLIC_URL?.startsWith('https:') ?? false,
    logLevel: e.LOG_LEVEL,
    demo,
    demoWorld: demo && (e.DEMO_WORLD ?? true),
    mfaRequired: e.MFA_REQUIRED ?? !demo,
    session: { ttlMs: e.SESSION_TTL_HOURS * 3_600_000, idleMs: e.SESSION_IDLE_MINUTES * 60_000 },
    rateLimits: {
      apiPerMinute: e.RATE_LIMIT_API_PER_MINUTE,
      authPerIpPerMinute: e.RATE_LIMIT_AUTH_PER_IP_PER_MINUTE,
      codesPerIpPerMinute: e.RATE_LIMIT_CODES_PER_IP_PER_MINUTE,
      verifyPerMinute: e.RATE_LIMIT_VERIFY_PER_MINUTE,
    },
    bodyLimit: e.BODY_LIMIT_BYTES,
    attachments: {
      dir: path.join(dataDir, 'attachments'),
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      maxPerCase: e.ATTACHMENT_MAX_PER_CASE,
      maxCaseBytes: e.ATTACHMENT_MAX_CASE_BYTES,
    },
    totpIssuer: e.TOTP_ISSUER,
    dataDir,
    encryptionKey: e.ENCRYPTION_KEY,
    alertFeeds: {
      feeds: (e.ALERT_FEEDS ? e.ALERT_FEEDS.split(',') : []).map((entry) => {
        const at = entry.indexOf('=')
        return { kind: entry.slice(0, at) as 'usgs' | 'gdacs' | 'cap', url: entry.slice(at + 1) }
      }),
      intervalSeconds: e.ALERT_FEED_INTERVAL_SECONDS,
      minMagnitude: e.ALERT_FEED_MIN_MAGNITUDE,
    },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailRatePerSecond: e.MAIL_RATE_PER_SECOND,
    sms: e.SMS_GATEWAY_URL
      ? {
          gatewayUrl: e.SMS_GATEWAY_URL,
          token: e.SMS_GATEWAY_TOKEN,
          ratePerSecond: e.SMS_RATE_PER_SECOND,
          senderId: e.SMS_SENDER_ID,
        }
      : undefined,
    webhooks: {
      allowHttpHosts: e.WEBHOOK_ALLOW_HTTP_HOSTS.toLowerCase()
        .split(',')
        .filter(Boolean)
        .map((h) => h.replace(/^\[|\]$/g, '')),
      allowedPorts: outboundPorts(e),
      ratePerSecond: e.WEBHOOK_RATE_PER_SECOND,
    },
    retentionDays: e.RETENTION_DAYS,
    applicationPurgeDays: e.APPLICATION_PURGE_DAYS,
    payment: paymentConfig(e),
    push,
    appointments: {
      altchaMaxNumber: e.ALTCHA_MAX_NUMBER,
      bookingsPerMinute: e.APPOINTMENT_BOOKINGS_PER_MINUTE,
      callGraceMinutes: e.APPOINTMENT_CALL_GRACE_MINUTES,
    },
  })
}

function paymentConfig(e: z.infer<typeof envSchema>): PaymentConfig | undefined {
  if (!e.PAYMENT_PAGE_URL !== !e.PAYMENT_SECRET)
    throw new ConfigError('Invalid environment: PAYMENT_PAGE_URL and PAYMENT_SECRET are set together')
  return e.PAYMENT_PAGE_URL && e.PAYMENT_SECRET
    ? { pageUrl: e.PAYMENT_PAGE_URL, secret: e.PAYMENT_SECRET, merchantId: e.PAYMENT_MERCHANT_ID }
    : undefined
}

function pushConfig(e: z.infer<typeof envSchema>): PushConfig {
  if (!e.VAPID_PUBLIC_KEY !== !e.VAPID_PRIVATE_KEY) {
    throw new ConfigError('Invalid environment: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together')
  }
  const vapidKeys =
    e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
      ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
      : undefined
  if (vapidKeys) {
    const ecdh = createECDH('prime256v1')
    try {
      ecdh.setPrivateKey(Buffer.from(vapidKeys.privateKey, 'base64url'))
    } catch {
      throw new ConfigError('Invalid environment: VAPID_PRIVATE_KEY: not a P-256 private key')
    }
    if (ecdh.getPublicKey('base64url') !== vapidKeys.publicKey) {
      throw new ConfigError(
        'Invalid environment: VAPID_PUBLIC_KEY is not the public half of VAPID_PRIVATE_KEY',
      )
    }
  }
  let extraCa: string | undefined
  if (e.PUSH_CA_FILE) {
    try {
      extraCa = fs.readFileSync(e.PUSH_CA_FILE, 'utf8')
    } catch (err) {
      throw new ConfigError(`Invalid environment: PUSH_CA_FILE: ${(err as Error).message}`)
    }
    if (!extraCa.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError('Invalid environment: PUSH_CA_FILE: not a PEM certificate file')
    }
  }
  const hosts = e.PUSH_SERVICE_HOSTS.toLowerCase()
  return {
    vapidKeys,
    vapidSubject: e.VAPID_SUBJECT,
    extraCa,
    serviceHosts: hosts === '*' ? '*' : hosts.split(','),
    allowedPorts: outboundPorts(e),
  }
}

/** Addresses users supply (webhooks, push endpoints) are reached on 443 and the ports configured. */
function outboundPorts(e: z.infer<typeof envSchema>): readonly number[] {
  return [...new Set([443, ...e.OUTBOUND_ALLOWED_PORTS])]
}
