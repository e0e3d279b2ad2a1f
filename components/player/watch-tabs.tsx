"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";

/**
 * The watch page's panels on a phone (issue 10): the transcript, the learner's notes and the
 * course contents as tabs under the player, instead of one very long page with the contents at
 * the bottom. Wider screens show every panel in its place and no tabs. Which panels show is
 * CSS (app/player.css, `.watch[data-tab]`), so the server's HTML is already laid out (no shift
 * at hydration); the tab roles are added once the script knows the screen is a phone.
 */
export const WATCH_TABS = [
  { name: "transcript", label: "Transcript" },
  { name: "notes", label: "Notes" },
  { name: "contents", label: "Contents" },
] as const;
export type TWatchTab = (typeof WATCH_TABS)[number]["name"];

/** The width below which the panels become tabs; keep in step with app/player.css. */
const PHONE_QUERY = "(max-width: 720px)";

type TTabs = { tab: TWatchTab; setTab: (tab: TWatchTab) => void; phone: boolean };
const TabsContext = createContext<TTabs | null>(null);

function subscribe(onChange: () => void) {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches, () => false);
}

/** The page's root: holds the chosen tab. `tabbed` false (a locked segment): no tabs. */
export function WatchLayout({ tabbed, children }: { tabbed: boolean; children: ReactNode }) {
  const [tab, setTab] = useState<TWatchTab>("transcript");
  const phone = usePhone();
  const root = useRef<HTMLDivElement>(null);
  // The contents open at the segment being watched (the list scrolls within its panel, the page stays put).
  useEffect(() => {
    if (!phone || tab !== "contents") return;
    const list = root.current?.querySelector<HTMLElement>(".watch__toc");
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current) list.scrollTop += current.getBoundingClientRect().top - list.getBoundingClientRect().top - 48;
  }, [phone, tab]);
  return (
    <TabsContext.Provider value={tabbed ? { tab, setTab, phone } : null}>
      <div className="watch" data-tab={tabbed ? tab : undefined} ref={root}>
        {children}
      </div>
    </TabsContext.Provider>
  );
}

/** Lets a panel ask to be shown (the N key opens the notes tab). */
export function useShowWatchTab(): (tab: TWatchTab) => void {
  const ctx = useContext(TabsContext);
  return useCallback((tab: TWatchTab) => ctx?.setTab(tab), [ctx]);
}

export function WatchTabBar() {
  const ctx = useContext(TabsContext);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  if (!ctx) return null;
  const { tab, setTab, phone } = ctx;
  // Arrow keys move between tabs (WAI-ARIA tabs pattern, activation follows focus).
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const to = e.key === "Home" ? 0 : e.key === "End" ? WATCH_TABS.length - 1 : step ? (i + step + WATCH_TABS.length) % WATCH_TABS.length : -1;
    if (to < 0) return;
    e.preventDefault();
    setTab(WATCH_TABS[to]!.name);
    refs.current[to]?.focus();
  };
  return (
    <div className="watch-tabs" role={phone ? "tablist" : undefined} aria-label="Transcript, notes and contents" data-testid="watch-tabs">
      {WATCH_TABS.map((t, i) => (
        <button
          key={t.name}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          id={`watch-tab-${t.name}`}
          className="watch-tabs__tab"
          role={phone ? "tab" : undefined}
          aria-selected={phone ? tab === t.name : undefined}
          aria-pressed={phone ? undefined : tab === t.name}
          aria-controls={`watch-panel-${t.name}`}
          tabIndex={phone && tab !== t.name ? -1 : 0}
          onClick={() => setTab(t.name)}
          onKeyDown={(e) => onKeyDown(e, i)}
          data-testid={`watch-tab-${t.name}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** One panel; on wider screens a box that does not exist for layout (display: contents). */
export function WatchPanel({ name, children }: { name: TWatchTab; children: ReactNode }) {
  const ctx = useContext(TabsContext);
  const asTab = !!ctx?.phone;
  return (
    <div
      className="watch-panel"
      id={`watch-panel-${name}`}
      data-panel={name}
      role={asTab ? "tabpanel" : undefined}
      aria-labelledby={asTab ? `watch-tab-${name}` : undefined}
    >
      {children}
    </div>
  );
}
