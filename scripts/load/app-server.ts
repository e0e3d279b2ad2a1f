import { startNext, type TStartedNext } from "../../deploy/local/start-next";

export type TApp = TStartedNext;

/** `next start` of the production build on 127.0.0.1 with `env`; resolves once /api/health answers. */
export function startApp(env: Record<string, string>): Promise<TApp> {
  return startNext({ name: "load-test app", env });
}
