import { describe, expect, it } from "vitest";
import { planLadder } from "./plan-ladder";
import { ladderFilter, rungEncodeArgs } from "./transcode-hls";

const input = { filter: "[0:v:0]null[src_v];[0:a:0]anull[src_a]", durationSeconds: 7.5 };

describe("ladderFilter", () => {
  it("decodes once: constant rate, 4:2:0, one scale per rung with square pixels; audio downmixed, normalised, 48 kHz", () => {
    const plan = planLadder({ width: 1280, height: 720, frameRate: 30 }, { speed: "fast" });
    expect(ladderFilter(input, plan).split(";")).toEqual([
      "[0:v:0]null[src_v]",
      "[0:a:0]anull[src_a]",
      "[src_v]fps=30,format=yuv420p,split=3[sv_720p][sv_480p][sv_360p]",
      "[sv_720p]scale=1280:720:flags=bicubic,setsar=1[v_720p]",
      "[sv_480p]scale=854:480:flags=bicubic,setsar=1[v_480p]",
      "[sv_360p]scale=640:360:flags=bicubic,setsar=1[v_360p]",
      "[src_a]aformat=channel_layouts=stereo,loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000,apad=whole_dur=7.500,atrim=end=7.500,asplit=3[a_720p][a_480p][a_360p]",
    ]);
  });

  it("de-interlaces interlaced sources first", () => {
    const plan = planLadder({ width: 720, height: 576, frameRate: 25, interlaced: true }, { speed: "fast" });
    expect(ladderFilter(input, plan)).toContain("[src_v]bwdif=mode=send_field,fps=50,format=yuv420p,split=2");
  });
});

describe("rungEncodeArgs", () => {
  it("forces keyframes at exact 2 s instants, caps the rate after Apple's table, AAC-LC stereo 48 kHz", () => {
    const plan = planLadder({ width: 1920, height: 1080, frameRate: 24000 / 1001 }, { speed: "quality" });
    const args = rungEncodeArgs(plan, plan.rungs[0]!).join(" ");
    expect(args).toContain("-preset slow -profile:v high -pix_fmt yuv420p -crf 21 -maxrate 6000k -bufsize 12000k");
    expect(args).toContain("-force_key_frames expr:gte(t,n_forced*2) -forced-idr 1 -g 96 -sc_threshold 0");
    expect(args).toContain("-c:a aac -profile:a aac_low -b:a 128k -ac 2 -ar 48000");
  });
});
