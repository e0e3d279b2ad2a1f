/**
 * The player's keyboard map, as data: the help overlay lists it and the key handler uses
 * it, so they cannot disagree. Pure (no DOM globals) for unit tests.
 */
export type TPlayerAction =
  | { type: "toggle-play" }
  | { type: "seek-by"; seconds: number }
  | { type: "volume-by"; delta: number }
  | { type: "toggle-fullscreen" }
  | { type: "toggle-mute" }
  | { type: "toggle-captions" }
  | { type: "rate-step"; direction: -1 | 1 }
  | { type: "seek-fraction"; fraction: number }
  | { type: "show-help" }
  | { type: "add-note" };

export const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ["Space", "k"], label: "Play / pause" },
  { keys: ["j"], label: "Back 10 seconds" },
  { keys: ["l"], label: "Forward 10 seconds" },
  { keys: ["←"], label: "Back 5 seconds" },
  { keys: ["→"], label: "Forward 5 seconds" },
  { keys: ["↑"], label: "Volume up" },
  { keys: ["↓"], label: "Volume down" },
  { keys: ["f"], label: "Fullscreen" },
  { keys: ["m"], label: "Mute / unmute" },
  { keys: ["c"], label: "Captions on / off" },
  { keys: ["<"], label: "Slower" },
  { keys: [">"], label: "Faster" },
  { keys: ["0", "…", "9"], label: "Jump to 0 %, 10 %, … 90 %" },
  { keys: ["n"], label: "Add a note at the current time" },
  { keys: ["?"], label: "Show these shortcuts" },
];

/** What a key press needs to be judged: a KeyboardEvent fits. */
export type TKeyPress = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: TKeyTarget | null;
};
export type TKeyTarget = {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
  closest?: (selector: string) => unknown;
};

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
/** Inputs that take no text: shortcuts still work while one has focus. */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

/** Keys typed into a form field, an editable element or a listbox are the user's text, not ours. */
export function isTypingTarget(target: TKeyTarget | null | undefined): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase();
  if (tag === "INPUT" && NON_TEXT_INPUTS.has((target.getAttribute?.("type") ?? "text").toLowerCase())) return false;
  if (tag && TYPING_TAGS.has(tag)) return true;
  if (target.isContentEditable) return true;
  const role = target.getAttribute?.("role");
  return role === "textbox" || role === "combobox" || role === "searchbox";
}

/** Where Space/Enter and arrows already mean something (buttons, links, sliders, menus). */
function ownsKey(target: TKeyTarget | null | undefined, key: string): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase();
  if (key === " ") return tag === "BUTTON" || tag === "A" || tag === "SUMMARY" || tag === "INPUT" || !!target.closest?.('[role="button"],[role="menuitem"],[role="menuitemradio"],[role="slider"]');
  if (key.startsWith("Arrow")) return tag === "INPUT" || !!target.closest?.('[role="slider"],[role="menu"],[role="menuitem"],[role="menuitemradio"],[role="listbox"]');
  return false;
}

/** The action a key press asks for, or null when the player should leave it alone. */
export function actionForKey(e: TKeyPress): TPlayerAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingTarget(e.target)) return null;
  if (ownsKey(e.target, e.key)) return null;
  switch (e.key) {
    case " ":
    case "k":
    case "K":
      return { type: "toggle-play" };
    case "j":
    case "J":
      return { type: "seek-by", seconds: -10 };
    case "l":
    case "L":
      return { type: "seek-by", seconds: 10 };
    case "ArrowLeft":
      return { type: "seek-by", seconds: -5 };
    case "ArrowRight":
      return { type: "seek-by", seconds: 5 };
    case "ArrowUp":
      return { type: "volume-by", delta: 0.1 };
    case "ArrowDown":
      return { type: "volume-by", delta: -0.1 };
    case "f":
    case "F":
      return { type: "toggle-fullscreen" };
    case "m":
    case "M":
      return { type: "toggle-mute" };
    case "c":
    case "C":
      return { type: "toggle-captions" };
    case "<":
      return { type: "rate-step", direction: -1 };
    case ">":
      return { type: "rate-step", direction: 1 };
    case "?":
      return { type: "show-help" };
    case "n":
    case "N":
      return { type: "add-note" };
  }
  if (/^[0-9]$/.test(e.key)) return { type: "seek-fraction", fraction: Number(e.key) / 10 };
  return null;
}

/** The next rate in `rates` (sorted) after `current` in `direction`, clamped at the ends. */
export function stepRate(rates: readonly number[], current: number, direction: -1 | 1): number {
  const i = rates.findIndex((r) => Math.abs(r - current) < 1e-6);
  if (i < 0) {
    const nearest = direction > 0 ? rates.find((r) => r > current) : [...rates].reverse().find((r) => r < current);
    return nearest ?? current;
  }
  return rates[Math.max(0, Math.min(rates.length - 1, i + direction))]!;
}
