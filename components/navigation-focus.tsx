"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The link followed; whether it was an entry of a list (a contents entry, an admin section): only
 * such a link has a counterpart among the new page's links marked current ("Start watching" or the
 * up-next card's "Play now" has the href of the new page's current contents entry too, but is not
 * that control: its follower gets the heading, where Space plays); and whether it was followed
 * from the keyboard (Enter: a click with `detail` 0). Only a keyboard user has a place to keep: a
 * pointer user's Space must play, not go to a link that kept focus.
 */
type TActivated = { rel: string | null; href: string; fromList: boolean; byKeyboard: boolean };

/** Shown, and inside the viewport as the new page was scrolled (Next scrolls to its top). */
const onScreen = (el: Element | null | undefined): el is HTMLElement => {
  if (!(el instanceof HTMLElement)) return false;
  const box = el.getBoundingClientRect();
  return el.getClientRects().length > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
};

/**
 * Where focus goes after a client-side navigation that removed the focused element (Next's App
 * Router leaves focus alone, and a new page's elements are all new, so focus fell to <body> and
 * the next Tab started from the top of the page): for a keyboard user, the same control on the
 * new page when it is on screen, so they keep their place — "Next →" for one followed by rel, the link to
 * the new page marked current (a table-of-contents entry, an admin section) for one followed
 * from a list — else the new page's heading, which a screen reader then reads (Next's route
 * announcer says the title too) and from which Tab goes on. Never scrolled to: a control below
 * the fold would take the page away from the new segment's video. Focus that survived the
 * navigation (an element kept across it) stays where it is.
 */
function focusTarget(activated: TActivated | null): HTMLElement | null {
  if (!activated?.byKeyboard) {
    // A pointer (or no link): the heading.
  } else if (activated.rel === "next" || activated.rel === "prev") {
    const same = document.querySelector(`#main a[rel="${activated.rel}"]`);
    if (onScreen(same)) return same;
  } else if (activated.fromList) {
    const current = [...document.querySelectorAll('#main a[aria-current="page"]')].find((a) => a.getAttribute("href") === activated.href);
    if (onScreen(current)) return current;
  }
  const heading = document.querySelector("#main h1");
  if (!(heading instanceof HTMLElement) || heading.getClientRects().length === 0) return null;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  return heading;
}

export function NavigationFocus() {
  const pathname = usePathname();
  const activated = useRef<TActivated | null>(null);
  const seen = useRef(pathname);

  useEffect(() => {
    // The link a click or Enter followed (Enter on a link is a click), in the capture phase:
    // before Next's own handler starts the navigation.
    const remember = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      activated.current = link ? { rel: link.getAttribute("rel"), href: link.getAttribute("href")!, fromList: !!link.closest("li"), byKeyboard: e.detail === 0 } : null;
    };
    document.addEventListener("click", remember, true);
    return () => document.removeEventListener("click", remember, true);
  }, []);

  useEffect(() => {
    if (seen.current === pathname) return;
    seen.current = pathname;
    const from = activated.current;
    activated.current = null;
    // After the new page's commit and Next's scroll (a layout effect) — once it has painted.
    const frame = requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (focused && focused !== document.body && focused.isConnected) return;
      focusTarget(from)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return null;
}
