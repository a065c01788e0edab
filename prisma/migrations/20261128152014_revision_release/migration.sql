-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "releaseNumber" INTEGER;

-- CreateIndex
CREATE INDEX "Revision_releaseNumber_idx" ON "Revision"("releaseNumber");
