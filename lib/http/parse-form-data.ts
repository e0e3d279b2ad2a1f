import { z } from "zod";

/**
 * A server action's form argument. Actions are public endpoints: a hand-made call can pass
 * anything (a number, a string, a plain object), so the argument is checked before use.
 */
export const ZFormData = z.instanceof(FormData, { message: "Expected a form submission" });

/**
 * Checks that `value` is a FormData and parses the schema's fields from it (a missing field
 * is null, as FormData.get returns). Errors come back as a ZodError for actionError().
 */
export function safeParseFormData<T extends z.ZodObject>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const form = ZFormData.safeParse(value);
  if (!form.success) return form as z.ZodSafeParseError<z.output<T>>;
  const fields = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, form.data.get(name)]));
  return schema.safeParse(fields) as z.ZodSafeParseResult<z.output<T>>;
}
