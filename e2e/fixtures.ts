import { test as base, expect } from "@playwright/test";

/**
 * Every spec uses this `test`: any console error or uncaught page error fails the test
 * (CONVENTIONS.md). Errors are collected during the test and asserted at its end.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`);
      });
      page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const COURSE = "enterprise-software-with-python";
export const TALKS = "python-in-production";
