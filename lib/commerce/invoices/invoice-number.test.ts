import { describe, expect, it } from "vitest";
import { creditNoteSeries, formatCreditNoteNumber, formatInvoiceNumber } from "./invoice-number";

describe("invoice numbers", () => {
  it("pads the sequence to six digits after the series", () => {
    expect(formatInvoiceNumber("INV-", 1)).toBe("INV-000001");
    expect(formatInvoiceNumber("LEC-2026-", 123456)).toBe("LEC-2026-123456");
    expect(formatInvoiceNumber("INV-", 1234567)).toBe("INV-1234567");
  });

  it("numbers credit notes in their own series under the invoice prefix", () => {
    expect(creditNoteSeries("INV-")).toBe("INV-CN-");
    expect(formatCreditNoteNumber("INV-", 7)).toBe("INV-CN-000007");
  });
});
