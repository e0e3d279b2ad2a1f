-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "series" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "InvoiceRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "buyerName" TEXT NOT NULL,
    "buyerEmail" TEXT NOT NULL,
    "company" TEXT,
    "address" TEXT,
    "vatId" TEXT,
    "sellerName" TEXT NOT NULL,
    "sellerAddress" TEXT NOT NULL,
    "sellerTaxId" TEXT NOT NULL,
    "taxLabel" TEXT NOT NULL,
    CONSTRAINT "InvoiceRevision_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "currency" TEXT NOT NULL,
    "subtotalCents" INTEGER NOT NULL,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL,
    "couponId" TEXT,
    "couponCode" TEXT,
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "paymentMethod" TEXT,
    "buyerName" TEXT NOT NULL,
    "buyerEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" DATETIME,
    "failedAt" DATETIME,
    "refundedAt" DATETIME,
    "forTeam" BOOLEAN NOT NULL DEFAULT false,
    "seats" INTEGER NOT NULL DEFAULT 1,
    "teamName" TEXT,
    "teamId" TEXT,
    "billingCompany" TEXT,
    "billingAddress" TEXT,
    "billingVatId" TEXT,
    "invoiceSeries" TEXT,
    "invoiceSeq" INTEGER,
    "invoiceRevision" INTEGER NOT NULL DEFAULT 0,
    "taxRateBps" INTEGER,
    "taxCents" INTEGER,
    "creditNoteSeq" INTEGER,
    "creditNoteIssuedAt" DATETIME,
    CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("buyerEmail", "buyerName", "couponCode", "couponId", "courseId", "createdAt", "currency", "discountCents", "failedAt", "forTeam", "id", "number", "paidAt", "paymentMethod", "provider", "providerRef", "refundedAt", "seats", "status", "subtotalCents", "teamId", "teamName", "totalCents", "userId") SELECT "buyerEmail", "buyerName", "couponCode", "couponId", "courseId", "createdAt", "currency", "discountCents", "failedAt", "forTeam", "id", "number", "paidAt", "paymentMethod", "provider", "providerRef", "refundedAt", "seats", "status", "subtotalCents", "teamId", "teamName", "totalCents", "userId" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE UNIQUE INDEX "Order_providerRef_key" ON "Order"("providerRef");
CREATE INDEX "Order_userId_idx" ON "Order"("userId");
CREATE UNIQUE INDEX "Order_invoiceSeries_invoiceSeq_key" ON "Order"("invoiceSeries", "invoiceSeq");
CREATE UNIQUE INDEX "Order_invoiceSeries_creditNoteSeq_key" ON "Order"("invoiceSeries", "creditNoteSeq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceRevision_orderId_revision_key" ON "InvoiceRevision"("orderId", "revision");
