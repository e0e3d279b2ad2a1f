import { test as base, expect } from "@playwright/test";

type TFixtures = {
  /** Patterns of console errors a test expects (e.g. the 401 of a wrong password). */
  expectedConsoleErrors: RegExp[];
  consoleErrors: string[];
};

/**
 * Every spec uses this `test`: any console error or uncaught page error fails the test
 * (CONVENTIONS.md), unless the test declared it expected. Checked at the end of the test.
 */
export const test = base.extend<TFixtures>({
  expectedConsoleErrors: async ({}, use) => {
    await use([]);
  },
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`);
      });
      page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      const unexpected = errors.filter((e) => !expectedConsoleErrors.some((re) => re.test(e)));
      expect(unexpected, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const COURSE = "enterprise-software-with-python";
export const TALKS = "python-in-production";
