import { useEffect, useState } from 'react';

/** The current time in ms, updated every `intervalMs` (for countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Calls `callback` every `intervalMs` while the page is visible. */
export function useInterval(callback: () => void, intervalMs: number | null): void {
  useEffect(() => {
    if (intervalMs === null) return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') callback();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [callback, intervalMs]);
}
