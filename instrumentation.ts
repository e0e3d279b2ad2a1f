// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Route handlers' Content-Length survives Next's response copying (docs/decisions/007).
    const { installContentLengthRelay } = await import("./lib/media/content-length-relay");
    installContentLengthRelay();
  }
}
