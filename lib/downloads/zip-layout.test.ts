// The planned ZIP layout checked by the real `unzip` (Info-ZIP): archives it tests clean,
// ZIP64 end records (≥ 65535 entries) and ZIP64 sizes/offsets (> 4 GiB, written as a sparse
// file whose headers are at their planned offsets), and any range read straight from the plan.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import type { TReadFileRange } from "./read-file-range";
import { readZipRange } from "./read-zip-range";
import { planZipLayout, type TZipLayout, type TZipLayoutEntry } from "./zip-layout";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-zip-layout-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const when = new Date("2026-11-21T10:11:12Z");
const memoryEntry = (name: string, bytes: Uint8Array): TZipLayoutEntry => ({
  name, size: bytes.byteLength, lastModified: when, crc32: zlib.crc32(bytes), data: { bytes },
});
const noFiles: TReadFileRange = () => {
  throw new Error("no file should be read");
};

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}
const whole = (layout: TZipLayout, read: TReadFileRange = noFiles) => collect(readZipRange(layout, 0, layout.size - 1, read));
const unzip = (args: string[], cwd = dir) => execFileSync("unzip", args, { cwd, encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });

describe("planZipLayout", () => {
  it("makes an archive unzip tests clean, with UTF-8 names, contents and UTC times", async () => {
    const file = path.join(dir, "on-disk.bin");
    const onDisk = crypto.randomBytes(70_000);
    fs.writeFileSync(file, onDisk);
    const entries: TZipLayoutEntry[] = [
      memoryEntry("README.txt", new TextEncoder().encode("hello\r\n")),
      { name: "01 Café/01-01 “Naïve”.bin", size: onDisk.length, lastModified: when, crc32: zlib.crc32(onDisk), data: { file } },
      memoryEntry("01 Café/empty.vtt", new Uint8Array(0)),
    ];
    const layout = planZipLayout(entries);
    const reads: string[] = [];
    const read: TReadFileRange = (f, start, end) => {
      reads.push(`${start}-${end}`);
      return fs.createReadStream(f, { start, end });
    };
    const zip = await whole(layout, read);
    expect(zip.length).toBe(layout.size);
    expect(reads).toEqual([`0-${onDisk.length - 1}`]);
    fs.writeFileSync(path.join(dir, "a.zip"), zip);
    expect(unzip(["-t", "a.zip"])).toContain("No errors detected");
    expect(unzip(["-Z1", "a.zip"]).trim().split("\n")).toEqual(entries.map((e) => e.name));
    expect(Buffer.from(execFileSync("unzip", ["-p", "a.zip", entries[1]!.name], { cwd: dir })).equals(onDisk)).toBe(true);
    unzip(["-q", "a.zip", "-d", "out"]);
    // The extended timestamp (UTC) sets the real mtime whatever the time zone.
    expect(fs.statSync(path.join(dir, "out", entries[1]!.name)).mtime.toISOString()).toBe("2026-11-21T10:11:12.000Z");
  });

  it("returns the same bytes for any range as for that slice of the whole archive", async () => {
    const entries = Array.from({ length: 30 }, (_, i) => memoryEntry(`f${i}.bin`, crypto.randomBytes(crypto.randomInt(0, 3000))));
    const layout = planZipLayout(entries);
    const zip = await whole(layout);
    for (let i = 0; i < 300; i++) {
      const start = crypto.randomInt(0, layout.size);
      const end = Math.min(layout.size - 1, start + crypto.randomInt(0, i % 3 ? 100 : 20_000));
      expect((await collect(readZipRange(layout, start, end, noFiles))).equals(zip.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
    expect(() => readZipRange(layout, 0, layout.size, noFiles)).toThrow(RangeError);
  });

  it("writes ZIP64 end records when there are 65535 entries or more", async () => {
    const entries = Array.from({ length: 65_540 }, (_, i) => memoryEntry(`n/${i}`, new Uint8Array([i & 0xff])));
    const layout = planZipLayout(entries);
    const zip = await whole(layout);
    // ZIP64 end record and locator just before the classic end record, whose counts say "see ZIP64".
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
    expect(zip.readUInt16LE(zip.length - 22 + 10)).toBe(0xffff);
    expect(zip.readUInt32LE(zip.length - 42)).toBe(0x07064b50);
    expect(zip.readUInt32LE(zip.length - 98)).toBe(0x06064b50);
    expect(zip.readBigUInt64LE(zip.length - 98 + 32)).toBe(65_540n);
    fs.writeFileSync(path.join(dir, "many.zip"), zip);
    expect(unzip(["-tq", "many.zip"])).toContain("No errors detected");
    expect(unzip(["-p", "many.zip", "n/65539"])).toBe(String.fromCharCode(65_539 & 0xff));
  });

  it("uses ZIP64 sizes and offsets past 4 GiB (checked on a sparse file: headers only)", async () => {
    const big = 5 * 2 ** 30;
    const tail = new TextEncoder().encode("after the big one");
    const entries: TZipLayoutEntry[] = [
      // The content's CRC is not checked here (that would read 5 GiB); its headers and offsets are.
      { name: "big.mp4", size: big, lastModified: when, crc32: 0x12345678, data: { file: "/nonexistent/big.mp4" } },
      memoryEntry("after.txt", tail),
    ];
    const layout = planZipLayout(entries);
    const file = path.join(dir, "big.zip");
    const fd = fs.openSync(file, "w");
    try {
      for (const p of layout.pieces) if ("bytes" in p) fs.writeSync(fd, p.bytes, 0, p.length, p.offset);
      fs.ftruncateSync(fd, layout.size);
    } finally {
      fs.closeSync(fd);
    }
    const listing = unzip(["-Z", "-v", "big.zip"]);
    expect(listing).toMatch(/file system or operating system of origin:\s+Unix/);
    expect(listing).toContain(`uncompressed size:                              ${big} bytes`);
    expect(listing).toMatch(/offset of local header from start of archive:\s+5368709186\s/);
    expect(listing).toContain("32-bit CRC value (hex):                         12345678");
    // unzip finds the second entry's local header past 4 GiB through the ZIP64 offset.
    expect(unzip(["-p", "big.zip", "after.txt"])).toBe("after the big one");
    const [local] = layout.pieces;
    expect(Buffer.from(local!.offset === 0 && "bytes" in local! ? local.bytes : []).readUInt32LE(18)).toBe(0xffffffff);
  });
});
