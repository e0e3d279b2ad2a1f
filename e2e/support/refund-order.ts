// `tsx e2e/support/refund-order.ts <orderId>`: refunds a paid order with the app's own
// refundOrder (order and purchase → refunded), as an admin or a Stripe refund would.
import { refundOrder } from "../../lib/commerce/refund-order";
import { createDb } from "../../lib/db";

async function main() {
  const [orderId] = process.argv.slice(2);
  if (!orderId) throw new Error("usage: refund-order.ts <orderId>");
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const { refunded } = await refundOrder({ db }, { orderId });
    if (!refunded) throw new Error(`order ${orderId} was not paid`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
