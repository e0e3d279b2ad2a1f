// `tsx e2e/support/grant-purchase.ts <userId> <courseSlug>`: gives the user a paid order and an
// active purchase, as checkout would. A separate process because Playwright's TypeScript loader
// cannot load the generated (ESM) Prisma client; tsx can.
import { randomUUID } from "node:crypto";
import { createDb } from "../../lib/db";

async function main() {
  const [userId, courseSlug] = process.argv.slice(2);
  if (!userId || !courseSlug) throw new Error("usage: grant-purchase.ts <userId> <courseSlug>");
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const course = await db.course.findUniqueOrThrow({
      where: { slug: courseSlug },
      select: { id: true, priceCents: true, currency: true },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
    const order = await db.order.create({
      data: {
        number: `LEC-E2E-${randomUUID().slice(0, 8).toUpperCase()}`,
        userId,
        courseId: course.id,
        status: "paid",
        currency: course.currency,
        subtotalCents: course.priceCents,
        totalCents: course.priceCents,
        provider: "local",
        paymentMethod: "Local test payment",
        buyerName: user.name,
        buyerEmail: user.email,
        paidAt: new Date(),
        purchase: { create: { userId, courseId: course.id } },
      },
      select: { id: true },
    });
    process.stdout.write(JSON.stringify({ orderId: order.id }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
