import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/**
 * The id of the checkout page's "Pay" server action (payAction) in the current production build,
 * from Next's server reference manifest — what the browser sends as `Next-Action` (the same
 * lookup e2e/admin-access.spec.ts does for the admin actions).
 */
export function payActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, e]) => e.filename === "app/courses/[course]/checkout/actions.ts" && e.exportedName === "payAction",
  );
  if (!found) throw new Error("payAction is not in .next/server/server-reference-manifest.json: is the build current?");
  return found[0];
}

export type TCheckoutAnswer = { ok: true; redirect: string } | { ok: false; status: number | null; error: string };

/**
 * Presses "Pay" as the browser's JavaScript does: a POST to the checkout page with the action id
 * and the React-encoded arguments (the previous form state and the form's FormData, whose
 * fields travel as `_1_<name>` and are referenced as "$K1"). A successful checkout answers with
 * the provider's page in `x-action-redirect`.
 */
export async function pressPay(
  baseUrl: string,
  input: { actionId: string; cookie: string; course: string; timeoutMs: number },
): Promise<TCheckoutAnswer> {
  const form = new FormData();
  form.append("_1_course", input.course);
  form.append("_1_coupon", "");
  form.append("0", JSON.stringify([{}, "$K1"]));
  try {
    const res = await fetch(`${baseUrl}/courses/${input.course}/checkout`, {
      method: "POST",
      headers: { cookie: input.cookie, origin: baseUrl, accept: "text/x-component", "next-action": input.actionId },
      body: form,
      redirect: "manual",
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    const body = await res.text();
    const redirect = res.headers.get("x-action-redirect");
    if (redirect) return { ok: true, redirect: redirect.replace(/;(push|replace)$/, "") };
    return { ok: false, status: res.status, error: `no redirect (${res.status}): ${body.slice(0, 200)}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, status: null, error: cause ?? (error as Error).message };
  }
}
