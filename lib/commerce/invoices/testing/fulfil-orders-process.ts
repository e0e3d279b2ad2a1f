// `node --import tsx fulfil-orders-process.ts <databaseUrl> <invoicePrefix> <orderId>…`: one
// process paying several orders at once with the app's fulfilOrder, as one app instance would
// (lib/commerce/invoices/invoices.integration.test.ts starts several side by side). Prints one
// JSON line: the results in order. It connects, prints "ready", and starts paying only when a
// line arrives on stdin, so the test can start all processes' payments at the same moment.
import { createDb } from "../../../db";
import { fulfilOrder } from "../../fulfil-order";
import { testEnv } from "../../testing/commerce-factories";

async function main() {
  const [url, prefix, ...orderIds] = process.argv.slice(2);
  if (!url || !prefix || orderIds.length === 0) throw new Error("usage: fulfil-orders-process.ts <url> <prefix> <orderId>…");
  const db = createDb(url);
  const env = { ...testEnv, INVOICE_PREFIX: prefix };
  try {
    await db.order.count(); // connected (and the tsx start-up done) before the starting signal
    process.stdout.write("ready\n");
    await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
    const results = await Promise.all(orderIds.map((orderId) => fulfilOrder({ db, env }, { orderId, paymentMethod: "Test" })));
    process.stdout.write(`${JSON.stringify(results)}\n`);
    process.stdin.destroy();
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
