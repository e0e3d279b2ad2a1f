import { describe, expect, it } from "vitest";
import { parseReconcileArgs } from "./reconcile-args";

describe("parseReconcileArgs", () => {
  it("takes --dry-run and nothing else", () => {
    expect(parseReconcileArgs([])).toEqual({ command: "reconcile-orders", dryRun: false });
    expect(parseReconcileArgs(["--dry-run"])).toEqual({ command: "reconcile-orders", dryRun: true });
    expect(() => parseReconcileArgs(["--force"])).toThrow('unknown option "--force" for reconcile-orders (see --help)');
    expect(() => parseReconcileArgs(["LEC-1"])).toThrow('reconcile-orders takes no arguments, got "LEC-1"');
  });
});
