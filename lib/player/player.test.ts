import { describe, expect, it } from "vitest";
import { actionForKey, isTypingTarget, stepRate } from "./keyboard-shortcuts";
import { activeCueIndex, parseThumbnailCue, parseVttTime, parseWebVtt } from "./parse-webvtt";
import { formatClock, parseStartTime } from "./start-time";
import { sanitizePreferences } from "../progress/preference-values";

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({
  tagName,
  getAttribute: (n: string) => (extra[n] as string) ?? null,
  closest: (sel: string) => (extra.inside && sel.includes(extra.inside as string) ? {} : null),
  isContentEditable: !!extra.editable,
});

describe("keyboard shortcuts", () => {
  it("maps the documented keys", () => {
    const body = el("BODY");
    const a = (key: string) => actionForKey({ key, target: body });
    expect(a(" ")).toEqual({ type: "toggle-play" });
    expect(a("k")).toEqual({ type: "toggle-play" });
    expect(a("j")).toEqual({ type: "seek-by", seconds: -10 });
    expect(a("l")).toEqual({ type: "seek-by", seconds: 10 });
    expect(a("ArrowLeft")).toEqual({ type: "seek-by", seconds: -5 });
    expect(a("ArrowRight")).toEqual({ type: "seek-by", seconds: 5 });
    expect(a("ArrowUp")).toEqual({ type: "volume-by", delta: 0.1 });
    expect(a("ArrowDown")).toEqual({ type: "volume-by", delta: -0.1 });
    expect(a("f")).toEqual({ type: "toggle-fullscreen" });
    expect(a("m")).toEqual({ type: "toggle-mute" });
    expect(a("c")).toEqual({ type: "toggle-captions" });
    expect(a("<")).toEqual({ type: "rate-step", direction: -1 });
    expect(a(">")).toEqual({ type: "rate-step", direction: 1 });
    expect(a("0")).toEqual({ type: "seek-fraction", fraction: 0 });
    expect(a("7")).toEqual({ type: "seek-fraction", fraction: 0.7 });
    expect(a("?")).toEqual({ type: "show-help" });
    expect(a("n")).toEqual({ type: "add-note" });
    expect(a("N")).toEqual({ type: "add-note" });
    expect(a("x")).toBeNull();
  });
  it("never fires while typing or with modifier keys", () => {
    for (const target of [el("INPUT"), el("TEXTAREA"), el("SELECT"), el("DIV", { editable: true }), el("DIV", { role: "textbox" })]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(actionForKey({ key: "k", target })).toBeNull();
      expect(actionForKey({ key: "5", target })).toBeNull();
    }
    expect(actionForKey({ key: "f", ctrlKey: true, target: el("BODY") })).toBeNull();
    expect(actionForKey({ key: "l", metaKey: true, target: el("BODY") })).toBeNull();
  });
  it("leaves Space to buttons and links, arrows to sliders and menus", () => {
    expect(actionForKey({ key: " ", target: el("BUTTON") })).toBeNull();
    expect(actionForKey({ key: " ", target: el("A") })).toBeNull();
    expect(actionForKey({ key: "k", target: el("BUTTON") })).toEqual({ type: "toggle-play" });
    expect(actionForKey({ key: "ArrowLeft", target: el("DIV", { inside: '[role="slider"]' }) })).toBeNull();
    expect(actionForKey({ key: "ArrowLeft", target: el("BUTTON") })).toEqual({ type: "seek-by", seconds: -5 });
    // A checkbox takes no text: k still plays, but Space toggles the box.
    const checkbox = el("INPUT", { type: "checkbox" });
    expect(actionForKey({ key: "k", target: checkbox })).toEqual({ type: "toggle-play" });
    expect(actionForKey({ key: " ", target: checkbox })).toBeNull();
    expect(actionForKey({ key: "k", target: el("INPUT", { type: "search" }) })).toBeNull();
  });
  it("steps playback rates and clamps at the ends", () => {
    const rates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
    expect(stepRate(rates, 1, 1)).toBe(1.25);
    expect(stepRate(rates, 1, -1)).toBe(0.75);
    expect(stepRate(rates, 2, 1)).toBe(2);
    expect(stepRate(rates, 0.5, -1)).toBe(0.5);
    expect(stepRate(rates, 1.1, 1)).toBe(1.25);
  });
});

describe("parseWebVtt", () => {
  it("parses cues with ids, settings, tags, entities and CRLF", () => {
    const vtt =
      "\uFEFFWEBVTT\r\n\r\nNOTE a comment\r\n\r\n1\r\n00:00:00.000 --> 00:00:04.000 align:start\r\n[Title card] <b>Course</b>\r\nOverview\r\n\r\n" +
      "00:04.500 --> 00:10.000\r\nFish &amp; chips\r\n\r\n01:00:00.000 --> 01:00:01,5\r\nlate\r\n";
    expect(parseWebVtt(vtt)).toEqual([
      { start: 0, end: 4, text: "[Title card] Course\nOverview" },
      { start: 4.5, end: 10, text: "Fish & chips" },
      { start: 3600, end: 3601.5, text: "late" },
    ]);
  });
  it("skips malformed cues", () => {
    expect(parseWebVtt("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nbackwards\n\nnot a cue\n")).toEqual([]);
    expect(parseVttTime("1:2")).toBe(62);
    expect(parseVttTime("x:00")).toBeNaN();
  });
  it("finds the active cue", () => {
    const cues = [
      { start: 0, end: 4, text: "a" },
      { start: 4, end: 10, text: "b" },
      { start: 12, end: 14, text: "c" },
    ];
    expect(activeCueIndex(cues, 0)).toBe(0);
    expect(activeCueIndex(cues, 4)).toBe(1);
    expect(activeCueIndex(cues, 11)).toBe(-1);
    expect(activeCueIndex(cues, 13)).toBe(2);
    expect(activeCueIndex([], 3)).toBe(-1);
  });
  it("reads thumbnail tiles", () => {
    expect(parseThumbnailCue("thumbnails.jpg#xywh=160,90,160,90", "http://x/media/c/s/tok/thumbnails.vtt")).toEqual({
      url: "http://x/media/c/s/tok/thumbnails.jpg",
      x: 160,
      y: 90,
      w: 160,
      h: 90,
    });
    expect(parseThumbnailCue("nope", "http://x/")).toBeNull();
  });
});

describe("sanitizePreferences (localStorage is the user's to edit)", () => {
  it("keeps valid fields and drops the rest", () => {
    expect(sanitizePreferences({ playbackRate: 1.5, volume: 0.4, muted: true, autoAdvance: false, captions: "en" })).toEqual({
      playbackRate: 1.5,
      volume: 0.4,
      muted: true,
      autoAdvance: false,
      captions: "en",
    });
    expect(sanitizePreferences({ playbackRate: 16, volume: 3, muted: "yes", captions: "<script>", extra: 1 })).toEqual({});
    expect(sanitizePreferences("nope")).toEqual({});
    expect(sanitizePreferences({ captions: null })).toEqual({ captions: null });
  });
});

describe("deep-link start time", () => {
  it("accepts seconds and 1m30s within the duration", () => {
    expect(parseStartTime("90", 600)).toBe(90);
    expect(parseStartTime("90.5", 600)).toBe(90.5);
    expect(parseStartTime("1m30s", 600)).toBe(90);
    expect(parseStartTime("1h", 7200)).toBe(3600);
  });
  it("ignores everything else", () => {
    for (const raw of ["-5", "abc", "", "1e3", "Infinity", "90;drop", "600"]) expect(parseStartTime(raw, 600)).toBeNull();
    expect(parseStartTime(["1", "2"], 600)).toBeNull();
    expect(parseStartTime(undefined, 600)).toBeNull();
  });
  it("formats clock times", () => {
    expect(formatClock(754.2)).toBe("12:34");
    expect(formatClock(3725)).toBe("1:02:05");
    expect(formatClock(5)).toBe("0:05");
  });
});
