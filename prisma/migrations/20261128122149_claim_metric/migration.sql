-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "metric" TEXT;

-- CreateIndex
CREATE INDEX "Claim_metric_idx" ON "Claim"("metric");
