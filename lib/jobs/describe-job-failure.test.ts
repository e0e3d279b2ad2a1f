import { describe, expect, it } from "vitest";
import { describeJobFailure } from "./describe-job-failure";

const source = { absolutePath: "/srv/lectern/data/uploads/9f2c", name: "lecture.mp4" };

describe("describeJobFailure", () => {
  it("keeps ffprobe's reason for a file cut short, naming the upload instead of the server path", () => {
    const error = new Error(
      "Media for c/s failed: ffprobe could not read /srv/lectern/data/uploads/9f2c: Command failed: ffprobe -v error -show_format /srv/lectern/data/uploads/9f2c\n" +
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55f3d19f51c0] moov atom not found\n/srv/lectern/data/uploads/9f2c: Invalid data found when processing input\n",
    );
    expect(describeJobFailure(error, source)).toBe("lecture.mp4: moov atom not found; Invalid data found when processing input");
  });

  it("drops the ffmpeg command line and keeps the last reasons of its stderr", () => {
    const error = new Error(
      "Media for c/s failed: ffmpeg exited with 1:\n[h264 @ 0x1] error while decoding MB 3 4\nError while filtering: Cannot allocate memory\n  args: -hide_banner -i /srv/lectern/data/uploads/9f2c",
    );
    expect(describeJobFailure(error, source)).toBe("lecture.mp4: error while decoding MB 3 4; Error while filtering: Cannot allocate memory");
  });

  it("passes a one-line pipeline error through and never returns an empty reason", () => {
    expect(describeJobFailure(new Error("/srv/lectern/data/uploads/9f2c has no video stream"), source)).toBe("lecture.mp4: lecture.mp4 has no video stream");
    expect(describeJobFailure(new Error(""), source)).toBe("lecture.mp4: the transcode failed without a reason");
  });
});
