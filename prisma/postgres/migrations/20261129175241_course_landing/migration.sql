-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "coverVersion" TEXT,
ADD COLUMN     "outcomes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "requirements" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "CourseAuthor" ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "photoVersion" TEXT;
