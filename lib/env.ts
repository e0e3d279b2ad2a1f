import path from "node:path";
import { z } from "zod";
import { deriveMediaKey } from "./media/media-key";
import { ZMediaOffloadEnv } from "./media/media-offload";

// Shared by the server (env.server.ts) and by CLI scripts (seed, media generation),
// which cannot import "server-only" modules.
export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/lectern.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "must be a file: URL (SQLite) or a postgresql:// URL",
    }),
  MEDIA_ROOT: z.string().default("./media"),
  CONTENT_ROOT: z.string().default("./content"),
  /** Where browser uploads (tus) land before the worker transcodes them (docs/decisions/012). */
  UPLOAD_ROOT: z.string().default("./data/uploads"),
  /** The largest source video an admin may upload, in bytes (default 8 GiB). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).max(1024 ** 4).default(8 * 1024 ** 3),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Public origin of the site: auth callbacks, e-mail links, payment redirects. */
  APP_URL: z.url().optional(),
  /**
   * Signs sessions (Better Auth) and media URLs. Required in production; `quickstart`
   * writes a random one to .env. Development and tests fall back to a fixed, public value.
   */
  LECTERN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * A second host name of this same site (its origin, e.g. https://media.example.com) from which
   * the browser fetches a segment's progressive MP4 — the server-rendered <video> of an autoplay
   * load and the player's first source. Over HTTP/1.1 a browser opens six connections per host,
   * and on the page's own host the MP4 queued behind the font, poster, stylesheets and scripts;
   * on a host of its own it starts at once (issue 12, docs/decisions/008-player-and-progress.md).
   * Unset: same origin as the page (right behind HTTP/2, which multiplexes one connection).
   */
  PLAYER_MP4_ORIGIN: z
    .url({ protocol: /^https?$/, message: "must be an http(s) origin, e.g. https://media.example.com" })
    .refine((u) => URL.canParse(u) && /^https?:\/\/[^/@]+\/?$/.test(u), {
      message: "must be an origin only (scheme, host, port), with no path, query or credentials",
    })
    // It goes into the pages' Content-Security-Policy: a host name (letters, digits, dots,
    // dashes) or an IP address, never a wildcard or a character that ends the source list.
    .refine((u) => /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(URL.canParse(u) ? new URL(u).hostname : ""), {
      message: "must name one host (letters, digits, dots, dashes, or an IP address): no wildcard, `;`, `,` or quote",
    })
    .transform((u) => new URL(u).origin)
    .optional(),
  /** Lifetime of signed streaming URLs (seconds). */
  STREAM_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(3600),
  /** Lifetime of signed download URLs (seconds). */
  DOWNLOAD_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(86_400),
  /** smtp://user:pass@host:port; without it, mail is stored in the database outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Lectern <no-reply@lectern.local>"),
  /** local: the built-in test payment page; stripe: Stripe Checkout. */
  PAYMENT_PROVIDER: z.enum(["local", "stripe"]).default("local"),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /**
   * Where the Stripe API answers, when not https://api.stripe.com: stripe-mock, or the fake
   * Stripe of the crash test (scripts/load/crash-test.ts). Unset in production.
   */
  STRIPE_API_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL, e.g. http://127.0.0.1:12111" }).optional(),
  /** The seller on receipts and invoices (docs/decisions/017-invoices.md); the defaults are a demo's. */
  SELLER_NAME: z.string().trim().min(1).max(200).default("Lectern Courses"),
  SELLER_ADDRESS: z.string().trim().max(500).default("Example Street 1, 10115 Berlin, Germany"),
  /** The seller's VAT / tax registration number, printed on every invoice. */
  SELLER_TAX_ID: z.string().trim().max(50).default("DE000000000"),
  /** Invoice numbers are <prefix><6 digits>, one gapless sequence per prefix; credit notes <prefix>CN-<6 digits>. */
  INVOICE_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, "must be 1-16 capital letters, digits or '-', e.g. INV- or LEC-2026-")
    .default("INV-"),
  /** Tax rate in percent (e.g. 19 or 7.7); catalog prices include it. 0 by default, printed either way. */
  TAX_RATE_PERCENT: z.coerce.number().min(0).max(100).multipleOf(0.01).default(0),
  /** What the tax is called on invoices: VAT, GST, Sales tax… */
  TAX_LABEL: z.string().trim().min(1).max(30).default("VAT"),
  /** node: the app sends media bytes; nginx: X-Accel-Redirect to nginx (deploy/nginx). */
  ...ZMediaOffloadEnv.shape,
  /**
   * Origins of organisations' identity providers that live on a private network or loopback
   * (comma-separated, e.g. `http://127.0.0.1:4011` for `npm run dev:oidc`). Single sign-on
   * refuses to fetch from non-public hosts unless they are listed here (SSRF guard of
   * @better-auth/sso; docs/decisions/015). Public IdPs need no entry.
   */
  SSO_PRIVATE_IDP_ORIGINS: z
    .string()
    .default("")
    .refine((v) => splitOrigins(v).every((o) => /^https?:\/\/[^/?#]+$/.test(o) && URL.canParse(o)), {
      message: "must be comma-separated origins such as http://127.0.0.1:4011 (scheme, host, port; no path)",
    }),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (lib/auth/client-ip.ts).
   * 0: none is trusted and every client shares one throttle bucket; 1: the shipped nginx config.
   */
  /**
   * Multiplies the per-client request limits of sign-up (10 a minute), sign-in (20) and password
   * reset (5): for many people behind one address (a training room behind NAT) or a test suite
   * that signs many accounts up from loopback. Failed-password lockouts are not affected.
   */
  AUTH_RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
  TRUSTED_PROXY_HOPS: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "must be the number of proxies in front of the app: 0 (none), 1 (nginx), …")
    .default("0")
    .transform(Number)
    .pipe(z.number().max(10, "more than 10 trusted proxies is surely a mistake")),
});
export type TEnv = Omit<z.infer<typeof ZEnv>, "APP_URL" | "LECTERN_SECRET"> & {
  APP_URL: string;
  LECTERN_SECRET: string;
  /** Signs media URLs; derived from LECTERN_SECRET (lib/media/media-key.ts). */
  MEDIA_SIGNING_KEY: string;
};

export function loadEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const data = parsed.data;
  // `next build` loads server modules to collect page data; secrets belong to run time.
  const building = source.NEXT_PHASE === "phase-production-build";
  if (data.NODE_ENV === "production" && !data.LECTERN_SECRET && !building) {
    throw new Error(
      "Invalid environment:\n  LECTERN_SECRET: required in production (32+ random characters; `npm run quickstart` writes one to .env)",
    );
  }
  if (data.PAYMENT_PROVIDER === "stripe" && (!data.STRIPE_SECRET_KEY || !data.STRIPE_WEBHOOK_SECRET)) {
    throw new Error("Invalid environment:\n  PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  }
  const appUrl = (data.APP_URL ?? `http://localhost:${data.PORT}`).replace(/\/$/, "");
  if (data.PLAYER_MP4_ORIGIN?.startsWith("http:") && appUrl.startsWith("https:")) {
    throw new Error("Invalid environment:\n  PLAYER_MP4_ORIGIN: must be https when APP_URL is (an http video on an https page is blocked as mixed content)");
  }
  const secret = data.LECTERN_SECRET ?? DEVELOPMENT_SECRET;
  return {
    ...data,
    APP_URL: appUrl,
    LECTERN_SECRET: secret,
    MEDIA_SIGNING_KEY: deriveMediaKey(secret),
    MEDIA_ROOT: path.resolve(data.MEDIA_ROOT),
    CONTENT_ROOT: path.resolve(data.CONTENT_ROOT),
    UPLOAD_ROOT: path.resolve(data.UPLOAD_ROOT),
  };
}

/** Public and therefore worthless: only ever used outside production. */
const DEVELOPMENT_SECRET = "lectern-development-secret-not-for-production-use";

/** SSO_PRIVATE_IDP_ORIGINS as a list of origins. */
export function splitOrigins(value: string): string[] {
  return value
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => (URL.canParse(o) ? new URL(o).origin : o));
}

export function databaseProvider(url: string): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/x.db` → absolute path (relative to the working directory). */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}
