import { DAY_MS, HISTORY_DAYS } from "./plan";
import type { Rng } from "./prng";

/** Largest-remainder split of `total` over `weights` (exact, deterministic). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** Relative volume per day: growth over the window, quieter weekends, some noise. */
export function dayWeights(rng: Rng, start: number): number[] {
  const w: number[] = [];
  for (let d = 0; d < HISTORY_DAYS; d++) {
    const weekday = new Date(start + d * DAY_MS).getUTCDay();
    const weekly = weekday === 0 ? 0.6 : weekday === 6 ? 0.75 : weekday === 5 ? 1.1 : 1;
    const trend = 0.6 + (0.5 * d) / (HISTORY_DAYS - 1);
    w.push(trend * weekly * (0.85 + 0.3 * rng.next()));
  }
  return w;
}
