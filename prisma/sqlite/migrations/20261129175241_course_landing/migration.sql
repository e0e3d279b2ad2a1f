-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "publisher" TEXT NOT NULL DEFAULT '',
    "publishedOn" DATETIME,
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "freePreviewParts" INTEGER NOT NULL DEFAULT 3,
    "resourcesUrl" TEXT,
    "catalogPosition" INTEGER NOT NULL DEFAULT 0,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "outcomes" TEXT NOT NULL DEFAULT '',
    "requirements" TEXT NOT NULL DEFAULT '',
    "coverVersion" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Course" ("catalogPosition", "createdAt", "currency", "description", "freePreviewParts", "id", "priceCents", "published", "publishedOn", "publisher", "resourcesUrl", "slug", "subtitle", "title", "updatedAt") SELECT "catalogPosition", "createdAt", "currency", "description", "freePreviewParts", "id", "priceCents", "published", "publishedOn", "publisher", "resourcesUrl", "slug", "subtitle", "title", "updatedAt" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");
CREATE TABLE "new_CourseAuthor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "photoVersion" TEXT,
    CONSTRAINT "CourseAuthor_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CourseAuthor" ("courseId", "id", "name", "position") SELECT "courseId", "id", "name", "position" FROM "CourseAuthor";
DROP TABLE "CourseAuthor";
ALTER TABLE "new_CourseAuthor" RENAME TO "CourseAuthor";
CREATE UNIQUE INDEX "CourseAuthor_courseId_position_key" ON "CourseAuthor"("courseId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
