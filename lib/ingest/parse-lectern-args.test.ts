import { describe, expect, it } from "vitest";
import { parseLecternArgs } from "./parse-lectern-args";

describe("parseLecternArgs", () => {
  it.each([
    [["import", "content/c"], { command: "import", folder: "content/c", dryRun: false, force: false, fast: false, jobs: undefined }],
    [["--", "import", "c", "--dry-run"], { command: "import", folder: "c", dryRun: true, force: false, fast: false, jobs: undefined }],
    [["import", "--force", "c", "--jobs", "3"], { command: "import", folder: "c", dryRun: false, force: true, fast: false, jobs: 3 }],
    [["import", "c", "--fast"], { command: "import", folder: "c", dryRun: false, force: false, fast: true, jobs: undefined }],
    [["import", "c", "--jobs=1"], { command: "import", folder: "c", dryRun: false, force: false, fast: false, jobs: 1 }],
    [["--help"], { command: "help" }],
    [["import", "-h"], { command: "help" }],
  ])("%j", (argv, expected) => {
    expect(parseLecternArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], "no command given; try `npm run lectern -- import <course-folder>` (or --help)"],
    [["export", "c"], 'unknown command "export"; the commands are "import" and "reconcile-orders" (see --help)'],
    [["import"], "import needs a course folder, e.g. `npm run lectern -- import content/my-course`"],
    [["import", "c", "--slow"], 'unknown option "--slow" (see --help)'],
    [["import", "c", "--jobs"], "--jobs needs a number, e.g. --jobs 2"],
    [["import", "c", "--jobs", "0"], '--jobs must be a whole number from 1 to 16, got "0"'],
    [["import", "c", "--jobs", "two"], '--jobs must be a whole number from 1 to 16, got "two"'],
    [["import", "c", "--jobs=99"], '--jobs must be a whole number from 1 to 16, got "99"'],
    [["import", "a", "b"], 'one course folder at a time; got "a" and "b"'],
    [["import", "c", "--dry-run", "--force"], "--dry-run and --force contradict each other; pick one"],
  ])("%j → %s", (argv, message) => {
    expect(() => parseLecternArgs(argv)).toThrow(message);
  });
});
