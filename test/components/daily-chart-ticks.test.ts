import { describe, expect, it } from "vitest";
// recharts' own tick arithmetic (not a public export; the module is plain JS, no DOM).
import { getNiceTickValues } from "recharts/es6/util/scale/getNiceTickValues.js";
import { niceTicks } from "@/components/transactions/daily-chart-static";

/*
 * The home chart is drawn twice: in HTML with the page, then by recharts once used. Its value axis
 * must have the same ticks in both, or the labels and bar heights jump at the swap.
 */
describe("niceTicks (the static home chart's value axis)", () => {
  const highs = [
    0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 13, 17, 19, 20, 21, 25, 33, 40, 41, 49, 50, 51, 99, 100, 101, 149, 150, 151, 199, 250, 333, 999,
    1_000, 1_234, 4_321, 9_999, 12_345, 77_777, 100_000, 123_456_78, 2_078_884, 99_999_999, 1_234_567_890,
  ];
  it.each(highs)("matches recharts for a highest value of %i", (highest) => {
    expect(niceTicks(highest)).toEqual(getNiceTickValues([0, highest], 5, false));
  });
});

describe("niceTicks over a sweep", () => {
  it("matches recharts for every highest value up to 5,000 and a spread of larger ones", () => {
    const values = [...Array.from({ length: 5_000 }, (_, i) => i), ...Array.from({ length: 2_000 }, (_, i) => Math.round(1.0123 ** i * 97))];
    const mismatches = values.filter((v) => JSON.stringify(niceTicks(v)) !== JSON.stringify(getNiceTickValues([0, v], 5, false)));
    expect(mismatches).toEqual([]);
  });
});
