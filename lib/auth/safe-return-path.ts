/** A same-site path to return to after signing in; anything else (//evil, https://…) → "/". */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string") return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.length > 500 || /[\u0000-\u001f]/.test(value)) return "/";
  return value;
}
