"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";

export type TUpNext = { href: string; title: string; number: string; locked: boolean };
export const COUNTDOWN_SECONDS = 5;

type TProps =
  | { mode: "countdown"; next: TUpNext; onCancel: () => void; onGo: () => void }
  | { mode: "paywall"; next: TUpNext; buyHref: string; price: string; onCancel: () => void };

/**
 * Shown over the video when it ends: a 5-second countdown to the next segment (Cancel and
 * Play now are focusable, Cancel takes focus), or at the paywall a "Buy to continue" card
 * instead. Escape cancels either.
 */
export function UpNextCard(props: TProps) {
  const [left, setLeft] = useState(COUNTDOWN_SECONDS);
  const firstRef = useRef<HTMLButtonElement & HTMLAnchorElement>(null);
  const onGo = props.mode === "countdown" ? props.onGo : null;

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!onGo) return;
    if (left <= 0) {
      onGo();
      return;
    }
    const t = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [left, onGo]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      props.onCancel();
    }
  };

  if (props.mode === "paywall") {
    return (
      <div className="up-next up-next--paywall" role="dialog" aria-labelledby="up-next-title" onKeyDown={onKeyDown} data-testid="paywall-card">
        <p className="up-next__eyebrow">Up next: {props.next.number}</p>
        <h2 id="up-next-title" className="up-next__title">
          Buy to continue
        </h2>
        <p className="up-next__text">
          “{props.next.title}” and the rest of the course are part of the full course ({props.price}).
        </p>
        <div className="up-next__actions">
          <Link ref={firstRef} className="button button--primary" href={props.buyHref}>
            Buy to continue
          </Link>
          <button type="button" className="button" onClick={props.onCancel}>
            Close
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="up-next" role="dialog" aria-labelledby="up-next-title" onKeyDown={onKeyDown} data-testid="up-next-card">
      <p className="up-next__eyebrow" aria-live="polite">
        Next in {left} s
      </p>
      <h2 id="up-next-title" className="up-next__title">
        {props.next.number} {props.next.title}
      </h2>
      <div className="up-next__actions">
        <button ref={firstRef} type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <Link className="button button--primary" href={props.next.href}>
          Play now
        </Link>
      </div>
    </div>
  );
}
