import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { explainOrderStatus } from "@/lib/commerce/explain-order-status";
import { formatMoney } from "@/lib/commerce/format-money";
import { loadReceipt } from "@/lib/commerce/load-receipt";
import { db } from "@/lib/db.server";
import { LocalPaymentForm } from "./local-payment-form";
import "../../../commerce.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test payment" };

const ZParams = z.object({ orderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

/** The local provider's payment page: a labelled stand-in for a real payment service. */
export default async function LocalPaymentPage({ params }: { params: Promise<{ orderId: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { orderId } = parsed.data;
  const user = await requireUser(`/checkout/local/${orderId}`);
  // Only the owner: even an admin may not pay someone else's order.
  const order = await loadReceipt(db, orderId, { userId: user.id, role: "learner" });
  if (!order || order.provider !== "local") notFound();
  const retry = `/courses/${order.course.slug}/checkout${order.couponCode ? `?coupon=${encodeURIComponent(order.couponCode)}` : ""}`;
  // Void, expired (also a pending order past its 30 minutes), declined: said in one wording.
  const explanation = explainOrderStatus(order, new Date());

  return (
    <div className="page page--narrow local-pay">
      <p className="local-pay__banner" role="note">
        Test payment — no money moves
      </p>
      <h1>Pay for your order</h1>
      <dl className="checkout-lines">
        <div>
          <dt>Order</dt>
          <dd>{order.number}</dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>{order.course.title}</dd>
        </div>
        {order.discountCents > 0 ? (
          <div>
            <dt>Discount{order.couponCode ? ` (${order.couponCode})` : ""}</dt>
            <dd>−{formatMoney(order.discountCents, order.currency)}</dd>
          </div>
        ) : null}
        <div className="checkout-lines__total">
          <dt>Total</dt>
          <dd data-testid="local-pay-total">
            {formatMoney(order.totalCents, order.currency)} {order.currency}
          </dd>
        </div>
      </dl>

      {order.status === "pending" && !explanation ? (
        <>
          <p className="local-pay__explain">
            Lectern is running with the built-in test payment provider (<code>PAYMENT_PROVIDER=local</code>). Choose
            what the payment service would answer.
          </p>
          <LocalPaymentForm orderId={order.orderId} />
        </>
      ) : order.status === "void" ? (
        <div className="local-pay__result" role="status" data-testid="local-pay-void">
          <p>
            <strong>{explanation}</strong>
          </p>
          <Link className="button button--primary" href={`/courses/${order.course.slug}`}>
            Go to the course
          </Link>
        </div>
      ) : order.status === "pending" || order.status === "expired" || order.status === "failed" ? (
        <div className="local-pay__result" role="alert" data-testid="local-pay-closed">
          <p>
            <strong>{order.status === "failed" ? "Payment declined." : "Order expired."}</strong> {explanation}
            {order.status === "failed" ? " Any coupon was released." : ""}
          </p>
          <Link className="button button--primary" href={retry}>
            {order.status === "failed" ? "Try again" : "Start again"}
          </Link>
        </div>
      ) : (
        <div className="local-pay__result" role="status">
          <p>This order is {order.status}.</p>
          <Link className="button button--primary" href={`/account/orders/${order.orderId}/receipt`}>
            View the receipt
          </Link>
        </div>
      )}
    </div>
  );
}
