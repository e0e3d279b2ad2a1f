import { z } from "zod";

export const USER_NAME_MAX = 100;

/**
 * A person's display name: it is copied into orders, receipts and mail, so it is bounded and
 * free of control characters (which could forge lines in a plain-text mail) and of the
 * invisible direction overrides that make text read differently from what it is (U+202A–E,
 * U+2066–9, found by the issue 8 review). Shared by the sign-up form and the API
 * (create-auth.ts checks sign-up and update-user with it).
 */
export const ZUserName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(USER_NAME_MAX, `Your name can be at most ${USER_NAME_MAX} characters.`)
  .refine((name) => !/[\p{Cc}\u2028\u2029]/u.test(name), "Your name cannot contain line breaks or control characters.")
  .refine((name) => !/[\u202A-\u202E\u2066-\u2069]/u.test(name), "Your name cannot contain text-direction override characters.");

/** The longest address SMTP can carry (RFC 5321: 254 characters in a path). */
export const EMAIL_MAX = 254;
export type TUserName = z.infer<typeof ZUserName>;
