// Runs once when the Next.js server starts, before it answers any request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // A bad or missing setting (LECTERN_SECRET in production, say) stops the server here with
    // the variable's name, instead of a "Ready" server that answers every request with 500.
    const { loadEnv } = await import("./lib/env");
    let env: ReturnType<typeof loadEnv>;
    try {
      env = loadEnv(process.env);
    } catch (error) {
      console.error(`Lectern cannot start. ${(error as Error).message}`);
      process.exit(1);
    }
    // The built-in test payments in production are a demo, not a shop: say so where operators look.
    if (env.NODE_ENV === "production" && !process.env.PAYMENT_PROVIDER) {
      console.warn(
        "PAYMENT_PROVIDER is not set: checkout uses the local test provider, and anyone can buy any course without paying. Set PAYMENT_PROVIDER=stripe (or PAYMENT_PROVIDER=local on purpose, for a demo).",
      );
    }
    // Route handlers' Content-Length survives Next's response copying (docs/decisions/007).
    const { installContentLengthRelay } = await import("./lib/media/content-length-relay");
    installContentLengthRelay();
    // Before Next sees a request: the socket's peer address for the sign-in throttle, 405 for
    // TRACE, 400 for a target that is not a path, and no buffering of bodies Next would copy
    // before our limits apply (docs/decisions/009).
    // Media requests with a valid token are then answered by Node itself, with the route's checks
    // (issue 12, docs/decisions/018-node-media-fast-path.md); not when nginx sends the bytes.
    const { installNodeRequestGuard } = await import("./lib/http/node-request-guard");
    const { mediaFastPath } = await import("./lib/media/media-fast-path");
    // An anonymous view of the catalog or a course page is answered from a copy of Next's
    // shared cached answer for a few seconds (issue 12, docs/decisions/019-cached-pages.md).
    const { pageSnapshots } = await import("./lib/http/page-snapshots");
    const { cachedPageContentSecurityPolicy } = await import("./lib/http/content-security-policy");
    const { firstOf } = await import("./lib/http/node-request-guard");
    // The policy the proxy puts on the shared pages (it names PLAYER_MP4_ORIGIN when set).
    const cachedPolicy = cachedPageContentSecurityPolicy(env.PLAYER_MP4_ORIGIN ?? null);
    installNodeRequestGuard(firstOf(pageSnapshots(Date.now, cachedPolicy), mediaFastPath(env)));
    // Queued mail goes out from here every 20 s: retries with backoff, and mail a restart left
    // behind (docs/decisions/010). Not while `next build` prerenders: that is no server.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startOutboxDelivery } = await import("./lib/mail/start-outbox-delivery");
      try {
        startOutboxDelivery(env);
      } catch (error) {
        // Mail stays queued (and the after-response delivery still runs): serve anyway.
        console.error("The outbox delivery loop did not start:", error);
      }
    }
  }
}
