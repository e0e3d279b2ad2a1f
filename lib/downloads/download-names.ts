/**
 * File names of downloads: what the user's disk will hold. Titles become names that every
 * common file system accepts (no / \ : * ? " < > |, no control characters, no trailing dots
 * or spaces, bounded length); numbers are zero-padded so files sort in course order.
 */
export function safeFileName(title: string, maxLength = 120): string {
  const cleaned = title
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[/\\:*?"<>|]/g, "-")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  return (cleaned || "untitled").slice(0, maxLength).trim();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "01 Introductions and definitions" */
export function partFolderName(partPosition: number, partTitle: string): string {
  return `${pad(partPosition)} ${safeFileName(partTitle)}`;
}

/** "01-02 Prerequisites and viewing guide" (no extension). */
export function segmentBaseName(partPosition: number, segmentPosition: number, title: string): string {
  return `${pad(partPosition)}-${pad(segmentPosition)} ${safeFileName(title)}`;
}

/** ASCII-only stand-in for clients that ignore filename*: accents dropped, the rest "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 + RFC 5987). */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
