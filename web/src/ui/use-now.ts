import { useEffect, useState } from 'react';

/**
 * The current instant (epoch ms), renewed every `everyMs` (a minute by default) on the boundary of
 * the wall clock, so countdowns on one page all move together.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const wait = everyMs - (Date.now() % everyMs) || everyMs;
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, wait);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [everyMs]);
  return now;
}
