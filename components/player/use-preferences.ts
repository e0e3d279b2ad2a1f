"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TPlayerPreferences } from "@/lib/progress/preference-values";
import { readLocalPreferences, saveLocalPreferences } from "@/lib/player/local-store";

/**
 * Player preferences: the server's copy for signed-in viewers (PATCH /api/preferences,
 * debounced), localStorage for anonymous ones. `initial` is null for anonymous viewers.
 */
export function usePreferences(initial: TPlayerPreferences | null) {
  const signedIn = initial !== null;
  const [prefs, setPrefs] = useState<TPlayerPreferences>(() => initial ?? readLocalPreferences());
  const prefsRef = useRef(prefs);
  const pending = useRef<Partial<TPlayerPreferences>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // localStorage is not there during server rendering: read it after hydration.
    if (!signedIn) {
      const local = readLocalPreferences();
      prefsRef.current = local;
      setPrefs(local);
    }
  }, [signedIn]);

  const flush = useCallback(() => {
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length === 0) return;
    void fetch("/api/preferences", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(patch),
      keepalive: true,
    }).catch(() => {});
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
    flush();
  }, [flush]);

  const update = useCallback(
    (patch: Partial<TPlayerPreferences>) => {
      const current = prefsRef.current;
      const changed = (Object.keys(patch) as (keyof TPlayerPreferences)[]).filter((k) => patch[k] !== current[k]);
      if (changed.length === 0) return;
      const next = { ...current, ...patch };
      prefsRef.current = next;
      setPrefs(next);
      if (!signedIn) {
        saveLocalPreferences(patch);
        return;
      }
      pending.current = { ...pending.current, ...patch };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, 400);
    },
    [signedIn, flush],
  );

  return { prefs, prefsRef, update };
}
