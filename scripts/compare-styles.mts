/**
 * Did a CSS refactor change anything a person can see? Snapshots every element's computed style on
 * every dashboard page (desktop and phone, light and dark, plus a few open popups), then compares
 * two snapshots element by element (same DOM order) and prints each differing property once, with
 * how many elements and an example. Use it around a change that should not alter the look:
 *
 *   NEXT_DIST_DIR=.next-before npx tsx scripts/compare-styles.mts snap /tmp/before.json
 *   NEXT_DIST_DIR=.next-after  npx tsx scripts/compare-styles.mts snap /tmp/after.json
 *   npx tsx scripts/compare-styles.mts diff /tmp/before.json /tmp/after.json
 *
 * The demo data is seeded into DATA_DIR (default /tmp/kb-profile-data) on the first run; snapshots
 * taken the same day see the same rows. Hover and focus states are not covered.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import "./server-only-hook.mts";
import { signIn, startServer } from "./bench-http.mjs";

type Snap = Record<string, { tags: string[]; styles: string[][] }>;

/** What a person can see of an element (all ~350 computed properties would make snapshots of gigabytes). */
const PROPS = [
  "display", "position", "top", "right", "bottom", "left", "z-index", "float", "visibility", "opacity", "overflow-x", "overflow-y",
  "width", "height", "min-width", "min-height", "max-width", "max-height", "box-sizing",
  "margin-top", "margin-right", "margin-bottom", "margin-left", "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-right-width", "border-bottom-width", "border-left-width", "border-top-style", "border-right-style",
  "border-bottom-style", "border-left-style", "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
  "border-top-left-radius", "border-top-right-radius", "border-bottom-right-radius", "border-bottom-left-radius",
  "color", "background-color", "background-image", "box-shadow", "outline-style", "outline-width", "outline-color", "outline-offset",
  "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing", "text-align", "text-decoration-line",
  "text-transform", "text-overflow", "white-space", "word-break", "overflow-wrap", "vertical-align", "font-variant-numeric",
  "flex-direction", "flex-wrap", "flex-grow", "flex-shrink", "flex-basis", "align-items", "align-self", "justify-content",
  "justify-self", "justify-items", "place-content", "gap", "row-gap", "column-gap", "order",
  "grid-template-columns", "grid-template-rows", "grid-column-start", "grid-column-end", "grid-row-start", "grid-row-end",
  "transform", "translate", "scale", "rotate", "cursor", "pointer-events", "user-select", "appearance", "fill", "stroke",
  "stroke-width", "transition-property", "transition-duration", "animation-name", "backdrop-filter", "filter",
  "mask-image", "content", "list-style-type", "table-layout", "border-collapse", "caption-side", "accent-color", "caret-color",
  "scrollbar-width", "text-wrap-mode", "isolation", "mix-blend-mode", "object-fit", "aspect-ratio", "clip-path",
];

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
const THEMES = ["light", "dark"] as const;
/** Phone-sized snapshots: the pages whose layout changes most below `md`. */
const PHONE_ROUTES = new Set(["/", "/collections", "/wallets", "/customers", "/users", "/settings?tab=webhooks", "/account"]);
const ROUTES = [
  "/", "/collections", "/payouts", "/onramp", "/offramp", "/wallets", "/crypto-wallets", "/customers",
  "/payment-links", "/bulk-payments", "/bulk-payments/new", "/payouts/approvals", "/users", "/roles", "/audit",
  "/api-keys", "/api-keys/reference", "/settings?tab=account", "/settings?tab=fees", "/settings?tab=webhooks",
  "/account", "/no-such-page",
];
/** Popups, opened as a person would (desktop only). */
const POPUPS: { name: string; route: string; open: (page: import("@playwright/test").Page) => Promise<unknown> }[] = [
  { name: "send money dialog", route: "/payouts?open=send-money", open: (p) => p.getByRole("dialog").waitFor() },
  { name: "detail sheet", route: "/collections", open: async (p) => { await p.getByRole("row", { name: /^Open transaction/ }).first().click(); await p.getByRole("dialog").waitFor(); } },
  { name: "status filter", route: "/collections", open: async (p) => { await p.getByRole("button", { name: /^Status/ }).first().click(); await p.waitForTimeout(400); } },
  { name: "view menu", route: "/collections", open: async (p) => { await p.getByRole("button", { name: /^View/ }).first().click(); await p.waitForTimeout(400); } },
  { name: "user menu", route: "/", open: async (p) => { await p.getByRole("button", { name: /account menu|user menu|demo/i }).first().click(); await p.waitForTimeout(400); } },
  { name: "market sheet", route: "/wallets", open: async (p) => { await p.setViewportSize({ width: 390, height: 844 }); await p.getByRole("button", { name: /market|KE/i }).first().click(); await p.waitForTimeout(400); } },
  { name: "command palette", route: "/", open: async (p) => { await p.keyboard.press("Control+k"); await p.getByRole("dialog").waitFor(); } },
];

async function snap(out: string) {
  const dir = process.env.DATA_DIR || "/tmp/kb-profile-data";
  if (!existsSync(dir)) {
    const { openDb } = await import("../lib/db/client");
    const { seed } = await import("../lib/db/seed");
    const opened = await openDb({ dataDir: dir });
    await seed(opened.db, {});
    await opened.close();
  }
  const { chromium } = await import("@playwright/test");
  const server = await startServer(process.env.PORT || "3493", { DATA_DIR: dir });
  const result: Snap = {};
  try {
    const cookie = await signIn(server.base);
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
    for (const theme of THEMES) {
      const ctx = await browser.newContext({ reducedMotion: "reduce", locale: "en-GB", timezoneId: "Africa/Nairobi" });
      await ctx.addInitScript((t) => window.localStorage.setItem("theme", t), theme);
      await ctx.addCookies(cookie.split("; ").map((kv) => ({ name: kv.split("=")[0]!, value: kv.slice(kv.indexOf("=") + 1), url: server.base })));
      const page = await ctx.newPage();
      const capture = async (key: string) => {
        await page.waitForLoadState("networkidle").catch(() => {});
        await page.waitForTimeout(300);
        result[key] = await page.evaluate((props) => {
          const tags: string[] = [];
          const styles: string[][] = [];
          for (const el of Array.from(document.querySelectorAll("body *"))) {
            if (el.closest("script,style,noscript,template")) continue;
            const cs = getComputedStyle(el);
            const before = getComputedStyle(el, "::before");
            const s = props.map((p) => cs.getPropertyValue(p));
            if (before.content !== "none") s.push(...props.map((p) => before.getPropertyValue(p)));
            tags.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}[${el.getAttribute("data-slot") ?? el.getAttribute("role") ?? ""}] ${(el.textContent ?? "").trim().slice(0, 30)}`);
            styles.push(s);
          }
          return { tags, styles };
        }, PROPS);
      };
      for (const vp of VIEWPORTS) {
        await page.setViewportSize(vp);
        for (const route of ROUTES.filter((r) => vp.name === "desktop" || PHONE_ROUTES.has(r))) {
          await page.goto(server.base + route);
          await capture(`${theme} ${vp.name} ${route}`);
          process.stdout.write(".");
        }
      }
      for (const popup of POPUPS) {
        await page.setViewportSize(VIEWPORTS[0]!);
        await page.goto(server.base + popup.route);
        await page.waitForLoadState("networkidle").catch(() => {});
        try {
          await popup.open(page);
          await capture(`${theme} popup ${popup.name}`);
        } catch (e) {
          console.log(`\n${theme} ${popup.name}: could not open (${(e as Error).message.split("\n")[0]})`);
        }
      }
      await ctx.close();
    }
    await browser.close();
  } finally {
    await server.stop();
  }
  writeFileSync(out, JSON.stringify(result));
  console.log(`\n${Object.keys(result).length} snapshots → ${out}`);
}

function diff(a: string, b: string) {
  const before = JSON.parse(readFileSync(a, "utf8")) as Snap;
  const after = JSON.parse(readFileSync(b, "utf8")) as Snap;
  let same = 0;
  for (const key of Object.keys(before)) {
    const x = before[key]!;
    const y = after[key];
    if (!y) {
      console.log(`${key}: missing after`);
      continue;
    }
    if (x.tags.length !== y.tags.length) {
      console.log(`${key}: ${x.tags.length} elements before, ${y.tags.length} after (compared up to the first difference)`);
    }
    const byProp = new Map<string, { count: number; example: string }>();
    const n = Math.min(x.tags.length, y.tags.length);
    for (let i = 0; i < n; i++) {
      // The element's tag and slot; React's generated ids (`_r_3_`, `radix-_r_3_`) differ from run to run.
      const shape = (tag: string) => tag.split(" ")[0]!.replace(/#[^[]*_r_[^[]*/, "");
      if (shape(x.tags[i]!) !== shape(y.tags[i]!)) {
        console.log(`${key}: the DOM differs from element ${i} (${x.tags[i]} vs ${y.tags[i]})`);
        break;
      }
      for (const [j, v] of x.styles[i]!.entries()) {
        const w = y.styles[i]![j];
        const prop = `${j >= PROPS.length ? "::before " : ""}${PROPS[j % PROPS.length]}`;
        if (w !== v) {
          const entry = byProp.get(prop) ?? { count: 0, example: `${x.tags[i]}: ${v} → ${w}` };
          entry.count++;
          byProp.set(prop, entry);
        }
      }
    }
    if (byProp.size === 0) same++;
    for (const [prop, { count, example }] of byProp) console.log(`${key}: ${prop} ×${count}  e.g. ${example}`);
  }
  console.log(`${same} of ${Object.keys(before).length} snapshots identical`);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === "snap" && args[0]) await snap(args[0]);
else if (cmd === "diff" && args[0] && args[1]) diff(args[0], args[1]);
else console.log("usage: compare-styles.mts snap OUT.json | diff BEFORE.json AFTER.json");
