-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "billingAddress" TEXT,
ADD COLUMN     "billingCompany" TEXT,
ADD COLUMN     "billingVatId" TEXT,
ADD COLUMN     "creditNoteIssuedAt" TIMESTAMP(3),
ADD COLUMN     "creditNoteSeq" INTEGER,
ADD COLUMN     "invoiceRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "invoiceSeq" INTEGER,
ADD COLUMN     "invoiceSeries" TEXT,
ADD COLUMN     "taxCents" INTEGER,
ADD COLUMN     "taxRateBps" INTEGER;

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "series" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("series")
);

-- CreateTable
CREATE TABLE "InvoiceRevision" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "buyerName" TEXT NOT NULL,
    "buyerEmail" TEXT NOT NULL,
    "company" TEXT,
    "address" TEXT,
    "vatId" TEXT,
    "sellerName" TEXT NOT NULL,
    "sellerAddress" TEXT NOT NULL,
    "sellerTaxId" TEXT NOT NULL,
    "taxLabel" TEXT NOT NULL,

    CONSTRAINT "InvoiceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceRevision_orderId_revision_key" ON "InvoiceRevision"("orderId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "Order_invoiceSeries_invoiceSeq_key" ON "Order"("invoiceSeries", "invoiceSeq");

-- CreateIndex
CREATE UNIQUE INDEX "Order_invoiceSeries_creditNoteSeq_key" ON "Order"("invoiceSeries", "creditNoteSeq");

-- AddForeignKey
ALTER TABLE "InvoiceRevision" ADD CONSTRAINT "InvoiceRevision_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
