"use client";

import { useState } from "react";

/** Copies a link to this segment at the current time (`?t=`); shows the link if the clipboard is unavailable. */
export function CopyLinkButton({ path, currentTime }: { path: string; currentTime: () => number }) {
  const [copied, setCopied] = useState<{ url: string; ok: boolean } | null>(null);
  const copy = async () => {
    const url = `${location.origin}${path}?t=${Math.floor(currentTime())}`;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = false; // no permission or insecure context: the link is shown to copy by hand
    }
    setCopied({ url, ok });
  };
  return (
    <span className="copy-link">
      <button type="button" className="button button--small" onClick={copy} data-testid="copy-link">
        Copy link at current time
      </button>
      <span className="copy-link__status" role="status" data-testid="copy-link-status">
        {copied ? (
          <>
            {copied.ok ? "Copied: " : "Copy this link: "}
            <a href={copied.url}>{copied.url}</a>
          </>
        ) : null}
      </span>
    </span>
  );
}
