-- AlterTable
ALTER TABLE "MediaAsset" ADD COLUMN     "crc32" INTEGER,
ADD COLUMN     "crc32Stamp" TEXT;
