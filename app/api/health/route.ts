import { db } from "@/lib/db.server";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable", message: "The database does not answer." }, { status: 503 });
  }
}
