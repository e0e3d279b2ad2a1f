import { describe, expect, it } from "vitest";
import { asciiFileName, attachmentDisposition, partFolderName, safeFileName, segmentBaseName } from "./download-names";

describe("download names", () => {
  it("numbers parts and segments so they sort in course order", () => {
    expect(partFolderName(1, "Introductions and definitions")).toBe("01 Introductions and definitions");
    expect(segmentBaseName(2, 11, "What is Python?")).toBe("02-11 What is Python-");
  });

  it("makes titles safe on every common file system", () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe("a-b-c-d-e-f-g-h-i-j");
    expect(safeFileName("  ..dots and spaces..  ")).toBe("dots and spaces");
    expect(safeFileName("tab\there\nnew")).toBe("tab here new");
    expect(safeFileName("\u0000")).toBe("untitled");
    expect(safeFileName("x".repeat(300))).toHaveLength(120);
  });

  it("gives an ASCII fallback and an RFC 5987 filename*", () => {
    expect(asciiFileName('Café "naïve" – 1.mp4')).toBe("Cafe _naive_ _ 1.mp4");
    expect(attachmentDisposition("01-01 Café's.mp4")).toBe(
      `attachment; filename="01-01 Cafe's.mp4"; filename*=UTF-8''01-01%20Caf%C3%A9%27s.mp4`,
    );
  });
});
