import Link from "next/link";
import { INVALID_INVITATION } from "@/lib/teams/read-invitation";
import "../../teams.css";

/** An invitation link that is unknown, tampered with or cut short: answered with a 404. */
export default function InvitationNotFound() {
  return (
    <div className="page page--narrow invitation-page">
      <h1>Team invitation</h1>
      <p className="form-error" role="alert" data-testid="invitation-error">
        {INVALID_INVITATION}
      </p>
      <Link href="/">Browse the catalog</Link>
    </div>
  );
}
