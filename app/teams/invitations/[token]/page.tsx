import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { AppError } from "@/lib/errors";
import { readInvitation, type TInvitationView } from "@/lib/teams/read-invitation";
import { TeamForm } from "@/components/teams/team-form";
import { UNCONFIRMED } from "@/lib/teams/accept-invitation";
import { acceptAction, resendConfirmationAction } from "./actions";
import "../../teams.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team invitation", robots: { index: false }, referrer: "no-referrer" };

/**
 * An invitation link. Opening it changes nothing (mail scanners and link previews open links
 * too); the invited person signs in with the invited address and presses Accept.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const token = String((await params).token).slice(0, 200);
  const here = `/teams/invitations/${encodeURIComponent(token)}`;
  let invitation: TInvitationView;
  try {
    invitation = await readInvitation(db, env.LECTERN_SECRET, token, new Date());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Unknown, tampered or oversized: a 404 (./not-found.tsx says so plainly). Used, withdrawn
    // or expired links are real ones: the page says which.
    if (error.code === "NOT_FOUND") notFound();
    return (
      <div className="page page--narrow invitation-page">
        <h1>Team invitation</h1>
        <p className="form-error" role="alert" data-testid="invitation-error">
          {error.message}
        </p>
        <Link href="/">Browse the catalog</Link>
      </div>
    );
  }
  const user = await getCurrentUser();
  const matches = user !== null && user.email.toLowerCase() === invitation.email;
  return (
    <div className="page page--narrow invitation-page">
      <p className="eyebrow">Team invitation</p>
      <h1>Join {invitation.team.name}</h1>
      <p>
        You are invited to take a seat of <strong>{invitation.team.course.title}</strong> as a {invitation.role}. The
        invitation is for <strong data-testid="invitation-email">{invitation.email}</strong>.
      </p>
      {!user ? (
        <p className="invitation-page__actions">
          <Link className="button button--primary" href={`/sign-in?next=${encodeURIComponent(here)}`} data-testid="invitation-sign-in">
            Sign in as {invitation.email}
          </Link>{" "}
          <Link className="button" href={`/sign-up?next=${encodeURIComponent(here)}`} data-testid="invitation-sign-up">
            Create an account
          </Link>
        </p>
      ) : !matches ? (
        <p className="form-error" role="alert" data-testid="invitation-wrong-account">
          You are signed in as {user.email}. This invitation works only for {invitation.email}: sign out and sign in
          with that address, then open this link again.
        </p>
      ) : !user.emailVerified ? (
        <>
          <p className="form-error" role="alert" data-testid="invitation-unconfirmed">
            {UNCONFIRMED}
          </p>
          <TeamForm action={resendConfirmationAction} label="Send the confirmation again" testId="resend-confirmation-form">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button" data-testid="resend-confirmation">
              Send the confirmation link again
            </button>
          </TeamForm>
        </>
      ) : (
        <TeamForm action={acceptAction} label="Accept the invitation" testId="accept-form">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button--primary" data-testid="accept-invitation">
            Accept and start watching
          </button>
        </TeamForm>
      )}
    </div>
  );
}
