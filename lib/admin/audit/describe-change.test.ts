import { describe, expect, it } from "vitest";
import { describeChange } from "./describe-change";

describe("describeChange", () => {
  it("lists only the fields that changed", () => {
    expect(describeChange('{"title":"Old","priceCents":100,"authors":["A"]}', '{"title":"New","priceCents":100,"authors":["A","B"]}')).toEqual([
      { field: "title", before: "Old", after: "New" },
      { field: "authors", before: '["A"]', after: '["A","B"]' },
    ]);
  });

  it("shows a creation as every field set, from nothing", () => {
    expect(describeChange(null, '{"code":"SPRING","percentOff":25}')).toEqual([
      { field: "code", before: "—", after: "SPRING" },
      { field: "percentOff", before: "—", after: "25" },
    ]);
  });

  it("copes with a value that is not a JSON object", () => {
    expect(describeChange("not json", null)).toEqual([{ field: "value", before: "not json", after: "—" }]);
  });
});
