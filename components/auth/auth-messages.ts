/** Maps Better Auth errors to messages that never reveal whether an account exists. */
export function authErrorMessage(error: { status?: number; message?: string; code?: string } | null | undefined, action: "sign-in" | "sign-up" | "reset"): string {
  if (!error) return "";
  if (error.status === 429) return error.message || "Too many attempts. Please wait a few minutes and try again.";
  // The server refused this page's address (its APP_URL names another origin): a setup fault,
  // not a wrong password — say so, so the operator fixes APP_URL (deploy/nginx/README.md).
  if (error.code === "INVALID_ORIGIN" || error.code === "MISSING_OR_NULL_ORIGIN") {
    return "This site is set up for a different web address than the one you are using, so it refused the request. If you run this site, set APP_URL to the address in your browser's address bar.";
  }
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
