/** Maps Better Auth errors to messages that never reveal whether an account exists. */
export function authErrorMessage(error: { status?: number; message?: string; code?: string } | null | undefined, action: "sign-in" | "sign-up" | "reset"): string {
  if (!error) return "";
  if (error.status === 429) return error.message || "Too many attempts. Please wait a few minutes and try again.";
  if (action === "sign-in") return "Wrong email or password.";
  if (action === "sign-up") {
    if (error.code === "PASSWORD_TOO_SHORT") return "Choose a password of at least 8 characters.";
    if (error.code === "INVALID_EMAIL") return "Enter a valid email address.";
    // The name rule's own message (lib/auth/user-name.ts); it says nothing about the address.
    if (error.code === "INVALID_NAME" && error.message) return error.message;
    return "We could not create an account with this email. If you already have one, sign in or reset your password.";
  }
  return error.message || "Something went wrong. Please try again.";
}
