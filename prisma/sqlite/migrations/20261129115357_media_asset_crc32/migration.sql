-- AlterTable
ALTER TABLE "MediaAsset" ADD COLUMN "crc32" INTEGER;
ALTER TABLE "MediaAsset" ADD COLUMN "crc32Stamp" TEXT;
