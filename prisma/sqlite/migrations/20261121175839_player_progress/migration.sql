-- CreateTable
CREATE TABLE "SegmentProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "positionSeconds" REAL NOT NULL DEFAULT 0,
    "watchedRanges" TEXT NOT NULL DEFAULT '[]',
    "watchedSeconds" REAL NOT NULL DEFAULT 0,
    "completedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SegmentProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SegmentProgress_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserPreference" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "playbackRate" REAL NOT NULL DEFAULT 1,
    "volume" REAL NOT NULL DEFAULT 1,
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "autoAdvance" BOOLEAN NOT NULL DEFAULT true,
    "captions" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UserPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SegmentProgress_userId_courseId_idx" ON "SegmentProgress"("userId", "courseId");

-- CreateIndex
CREATE UNIQUE INDEX "SegmentProgress_userId_segmentId_key" ON "SegmentProgress"("userId", "segmentId");
