-- AlterTable
ALTER TABLE "EmbedSnapshot" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
