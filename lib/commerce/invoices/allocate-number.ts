import type { Prisma } from "../../generated/sqlite/client";

/**
 * The next number of a series, inside the caller's transaction. One statement
 * (INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING, Prisma's native upsert on
 * both databases) takes the counter row's write lock until the transaction ends: a concurrent
 * allocation waits for it and then reads the committed value, so numbers never repeat; a
 * rolled-back transaction takes its increment back with it, so numbers have no gaps.
 * Call it last in the transaction, after anything that may conflict with another buyer's
 * transaction (the purchase insert), so that a waiter never holds a lock the holder needs.
 */
export async function allocateNumber(tx: Prisma.TransactionClient, series: string): Promise<number> {
  const row = await tx.invoiceCounter.upsert({
    where: { series },
    create: { series, last: 1 },
    update: { last: { increment: 1 } },
    select: { last: true },
  });
  return row.last;
}
