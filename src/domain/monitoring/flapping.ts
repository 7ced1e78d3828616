/**
 * Flap damping. The rule: an alert is FLAPPING when it has changed state (fired or recovered) more
 * than `maxChanges` times within the last `windowMinutes`, counting the change at hand. While it
 * flaps, changes are counted on the alert but its ticket is left alone: a recovery does not resolve
 * it, a new firing does not reopen or open one, so a service bouncing up and down makes one ticket
 * with one note instead of a stream of resolve/reopen. It stops flapping once it has made no change
 * for `windowMinutes`: then its last state is applied once (settled). Changes are read on the
 * tool's clock (a firing's start, a recovery's end); changes while silenced by maintenance are not
 * counted (reboots in a patch window are expected to bounce).
 */
export type FlapPolicy = { maxChanges: number; windowMinutes: number };

export const minuteMs = 60_000;

/** The changes within the window that ends at the latest of them, with `at` added, ascending. */
export function recentChanges(changes: readonly number[], at: number, policy: FlapPolicy): number[] {
  const all = [...changes, at].sort((a, b) => a - b);
  const since = all.at(-1)! - policy.windowMinutes * minuteMs;
  return all.filter((t) => t > since);
}

export const isFlapping = (changes: readonly number[], policy: FlapPolicy): boolean =>
  changes.length > policy.maxChanges;

/** Whether a flapping alert whose last change was at `lastChange` has been quiet long enough at `now`. */
export const flapQuiet = (lastChange: number, now: number, policy: FlapPolicy): boolean =>
  now - lastChange >= policy.windowMinutes * minuteMs;
