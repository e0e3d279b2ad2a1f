// Streaming URLs as the e2e specs read them: the token in a media URL
// (/media/<course>/<segment>/<token>/<file>, lib/media/media-token.ts) and what it says, and a
// second server whose streaming URLs live only a few seconds (STREAM_TOKEN_TTL_SECONDS), for the
// journeys that outlast one: playback-renewal, cached-watch-page.
import { test } from "../fixtures";
import { startApp, type TStartedApp } from "./start-app";

/** The token of a media URL, or null for another URL. */
export const tokenOf = (url: string): string | null => /\/media\/[a-z0-9-]+\/[a-z0-9-]+\/([^/]+)\//.exec(url)?.[1] ?? null;

/** A stream token's expiry (unix seconds) and the user it is bound to ("-": nobody): `s<base36 expiry>.<user>.<signature>`. */
export function readStreamToken(token: string): { expiresAt: number; user: string } {
  const [expiry, user] = token.split(".");
  return { expiresAt: parseInt(expiry!.slice(1), 36), user: user! };
}

const STREAM_TOKEN = /\/media\/[a-z0-9-]+\/[a-z0-9-]+\/(s[0-9a-z]+\.[^./"]+\.[A-Za-z0-9_-]+)\//g;
/** Every stream token in a page's HTML, as readStreamToken reads it. */
export function streamTokensIn(html: string): { expiresAt: number; user: string }[] {
  return [...html.matchAll(STREAM_TOKEN)].map((m) => readStreamToken(m[1]!));
}

/**
 * A second server (same build and database) whose streaming URLs are signed for `ttlSeconds`,
 * started before the tests of the calling file or describe block and stopped after them.
 * Returns the server; it throws when asked before it has started.
 */
export function appWithStreamTokenTtl(ttlSeconds: number): () => TStartedApp {
  let app: TStartedApp | undefined;
  test.beforeAll(async () => {
    app = await startApp({ STREAM_TOKEN_TTL_SECONDS: String(ttlSeconds) });
  });
  test.afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error(`the app with ${ttlSeconds}-second streaming URLs has not started`);
    return app;
  };
}
