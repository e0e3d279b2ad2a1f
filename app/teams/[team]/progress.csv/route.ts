import { z } from "zod";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { db } from "@/lib/db.server";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { loadTeamView } from "@/lib/teams/load-team-view";
import { requireTeamRole } from "@/lib/teams/require-team-role";
import { renderTeamCsv } from "@/lib/teams/team-grid";

export const dynamic = "force-dynamic";

const ZParams = z.object({ team: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Unknown team") });

/** GET /teams/<team>/progress.csv: the lead's grid as CSV, for the team's owners and managers only. */
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ team: string }> }) => {
  const { team: teamId } = ZParams.parse(await params);
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to download your team's progress.");
  const context = await requireTeamRole(db, user.id, teamId, "see-progress");
  const view = await loadTeamView(db, context, { kind: "user", userId: user.id, role: user.role }, new Date());
  const name = context.team.name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "team";
  return new Response(renderTeamCsv(view.toc, view.grid), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-progress.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
