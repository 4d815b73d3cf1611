// recharts' tick arithmetic, imported by daily-chart-ticks.test.ts (an internal module without types there).
declare module "recharts/es6/util/scale/getNiceTickValues.js" {
  export function getNiceTickValues(interval: [number, number], tickCount?: number, allowDecimals?: boolean): number[];
}
