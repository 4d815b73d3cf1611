import { z } from "zod";

/**
 * Every environment variable the app reads, parsed once with zod (README "Configuration" lists
 * them for people). Code reads `env()` — never `process.env` — so a setting has one name, one
 * default and one check. A bad value stops the start with one line naming the variable
 * (instrumentation-node.ts and scripts/worker.mts call `loadEnv()` first thing).
 * Pure and Edge-safe: proxy.ts reads it too.
 */
const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.map((p) => p.replace(":", "://")).join(" or ")} URL`,
    );

const positiveInt = (max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`);
const blankAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** TRUSTED_PROXIES: how many proxies append to X-Forwarded-For, or their addresses / CIDR ranges (lib/auth/request-meta.ts). */
export type TrustedProxies = { hops: number } | { ranges: string[] };
const MAX_PROXY_HOPS = 10;
const ipOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
const trustedProxies = z
  .string()
  .trim()
  .default("0")
  .refine(
    (v) =>
      /^\d+$/.test(v) ? Number(v) <= MAX_PROXY_HOPS : v.split(",").every((r) => ipOrRange.safeParse(r.trim()).success),
    `must be a number of proxies (0 to ${MAX_PROXY_HOPS}) or a comma-separated list of IP addresses and CIDR ranges`,
  )
  .transform((v): TrustedProxies =>
    /^\d+$/.test(v) ? { hops: Number(v) } : { ranges: v.split(",").map((r) => r.trim()) },
  );

const schema = z.object({
  NODE_ENV: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z.preprocess(blankAsUnset, url(["postgres:", "postgresql:"]).optional()),
  DATABASE_POOL_SIZE: z.preprocess(blankAsUnset, positiveInt(200).default(10)),
  DATA_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  SMTP_URL: z.preprocess(blankAsUnset, url(["smtp:", "smtps:"]).optional()),
  MAIL_FROM: z.preprocess(blankAsUnset, z.string().max(320).default("Kotani Pay Backoffice <no-reply@kotanipay.test>")),
  NEXTAUTH_SECRET: z.preprocess(blankAsUnset, z.string().min(16, "must be at least 16 characters").optional()),
  NEXTAUTH_URL: z.preprocess(blankAsUnset, url(["http:", "https:"]).optional()),
  PORT: z.preprocess(blankAsUnset, positiveInt(65535).default(3000)),
  WORKERS: z.preprocess(
    (v) => (typeof v === "string" ? blankAsUnset(v.trim().toLowerCase()) : v),
    z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  ),
  JOBS_POOL_SIZE: z.preprocess(blankAsUnset, positiveInt(100).default(4)),
  WORKER_STOP_SECONDS: z.preprocess(blankAsUnset, positiveInt(3600).default(25)),
  KOTANI_TEST_CLOCK_FILE: z.preprocess(blankAsUnset, z.string().optional()),
  TRUSTED_PROXIES: z.preprocess(blankAsUnset, trustedProxies),
  /** Sandbox simulator: seconds before a test number settles (§6: ~5 s), and for …021 (~60 s). */
  SANDBOX_SETTLE_SECONDS: z.preprocess(blankAsUnset, positiveInt(3600).default(5)),
  SANDBOX_SLOW_SETTLE_SECONDS: z.preprocess(blankAsUnset, positiveInt(86400).default(60)),
  /** Seconds after which a collection or payout that never settled expires (EXPIRED; a payout's debit is reversed). */
  PAYMENT_EXPIRY_SECONDS: z.preprocess(blankAsUnset, positiveInt(7 * 86400).default(1800)),
  /**
   * Hosts that webhook deliveries may reach although they are private, loopback or link-local
   * (comma-separated host[:port]): a self-hosted receiver on the same network, or a test's.
   */
  WEBHOOK_ALLOW_HOSTS: z.preprocess(blankAsUnset, z.string().max(4096).default("")),
  /** Seconds before a failed webhook's first retry; each next gap doubles (capped at 2 h), for up to 24 h. */
  WEBHOOK_RETRY_BASE_SECONDS: z.preprocess(blankAsUnset, positiveInt(3600).default(30)),
  /**
   * The hosts that serve the public API of one environment (e.g. sandbox-api.example.com): a key
   * of the other environment is refused there. Unset: the key's own environment decides.
   */
  API_SANDBOX_HOST: z.preprocess(blankAsUnset, z.string().trim().toLowerCase().max(255).optional()),
  API_PRODUCTION_HOST: z.preprocess(blankAsUnset, z.string().trim().toLowerCase().max(255).optional()),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

const KEYS = Object.keys(schema.shape) as (keyof Env)[];
let cached: { fingerprint: string; env: Env } | undefined;

/** Parses the environment (once); throws EnvError with one line naming the bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(
      `${String(issue.path[0])} ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])] ?? "")})`,
    );
  }
  return parsed.data;
}

/**
 * The parsed settings. Parsed once, and again only if a variable changed since (tests and scripts
 * that set one at run time, e.g. SMTP_URL for a test mail server): comparing the raw values is
 * far cheaper than parsing them.
 */
export function env(): Env {
  const fingerprint = KEYS.map((k) => process.env[k] ?? "\u0000").join("\u0001");
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, env: loadEnv() };
  return cached.env;
}

/** The public base URL of the app, without a trailing slash (links in mails, cookie security). */
export function appBaseUrl(): string {
  const e = env();
  return (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

export function appUrl(path: string): string {
  return `${appBaseUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Served over https: Secure, `__Secure-` cookies and HSTS. */
export function servedOverHttps(): boolean {
  return appBaseUrl().startsWith("https://");
}
