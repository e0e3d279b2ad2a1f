"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

type TActivated = { rel: string | null; href: string };

const visible = (el: Element | null): el is HTMLElement => el instanceof HTMLElement && el.getClientRects().length > 0;

/**
 * Where focus goes after a client-side navigation that removed the focused element (Next's App
 * Router leaves focus alone, and a new page's elements are all new, so focus fell to <body> and
 * the next Tab started from the top of the page): the same control on the new page, so a keyboard
 * user keeps their place — the "next"/"previous" link for one followed by rel, the link to the new
 * page marked current (a table-of-contents entry, an admin section) for one followed from a list —
 * else the new page's heading, which a screen reader then reads (Next's route announcer says the
 * title too). Focus that survived the navigation (an element kept across it) stays where it is.
 */
function focusTarget(activated: TActivated | null): { el: HTMLElement; scroll: boolean } | null {
  if (activated?.rel === "next" || activated?.rel === "prev") {
    const same = document.querySelector(`#main a[rel="${activated.rel}"]`);
    if (visible(same)) return { el: same, scroll: false };
  }
  if (activated) {
    const current = [...document.querySelectorAll('#main a[aria-current="page"]')].find((a) => a.getAttribute("href") === activated.href);
    if (visible(current ?? null)) return { el: current as HTMLElement, scroll: true };
  }
  const heading = document.querySelector("#main h1");
  if (!visible(heading)) return null;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  return { el: heading, scroll: false };
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
      activated.current = link ? { rel: link.getAttribute("rel"), href: link.getAttribute("href")! } : null;
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
      const target = focusTarget(from);
      target?.el.focus({ preventScroll: !target.scroll });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return null;
}
