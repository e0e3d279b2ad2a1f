"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a job is queued or running, the server-rendered list is fetched again every `intervalMs`. */
export function JobsAutoRefresh(props: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!props.active) return;
    const timer = setInterval(() => router.refresh(), props.intervalMs ?? 2000);
    return () => clearInterval(timer);
  }, [props.active, props.intervalMs, router]);
  return null;
}
