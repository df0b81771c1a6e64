import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs`, for "paused 3 d" and "retrying in 12 s". */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
