import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The files of a segment whose client chunks load with any page below it. */
const BOUNDARY_FILES = ["layout", "template", "error", "loading", "not-found", "forbidden", "unauthorized"];

/**
 * Each app route's first-load JS chunks in a production build (`dist`, e.g. .next): the root main
 * files (build-manifest.json rootMainFiles; the nomodule polyfills are left out, as modern browsers
 * skip them) plus the chunks the route's client reference manifest lists for its page and layouts
 * and the boundary files of those segments (not-found, forbidden, error, …: the page's HTML loads
 * their chunks too: checked against the script tags of served pages, equal on most routes and an
 * upper bound by one shared chunk on a few). Null without a build; a route whose manifest is not
 * understood maps to null. Used by bench-transactions (sizes) and bundle-breakdown (contents).
 */
export function firstLoadChunks(dist: string): Map<string, Set<string> | null> | null {
  const manifestPath = path.join(dist, "build-manifest.json");
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { rootMainFiles?: string[] };
  const appDir = path.join(dist, "server", "app");
  const routes: { route: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "page_client-reference-manifest.js") {
        const rel = path.relative(appDir, dir).split(path.sep).join("/");
        routes.push({ route: `/${rel.replace(/\(.*?\)\/?/g, "").replace(/\/?page$/, "")}`.replace(/\/$/, "") || "/", file: full });
      }
    }
  };
  walk(appDir);
  const out = new Map<string, Set<string> | null>();
  for (const { route, file } of routes.sort((a, b) => a.route.localeCompare(b.route))) {
    const text = readFileSync(file, "utf8");
    // entryJSFiles: { "[project]/app/layout": [...], "[project]/app/(dashboard)/layout": [...], "[project]/app/(dashboard)/collections/page": [...], … }
    const pageKey = /__RSC_MANIFEST\["([^"]+)"\]/.exec(text)?.[1];
    const m = /"entryJSFiles":(\{.*?\})[,}]/s.exec(text);
    if (!pageKey || !m) {
      out.set(route, null);
      continue;
    }
    const entries = JSON.parse(m[1]) as Record<string, string[]>;
    const segments = pageKey.replace(/^\//, "").split("/").slice(0, -1);
    const wanted = new Set([`[project]/app${pageKey}`]);
    for (let i = 0; i <= segments.length; i++) {
      const dir = ["[project]/app", ...segments.slice(0, i)].join("/");
      for (const file of BOUNDARY_FILES) wanted.add(`${dir}/${file}`);
    }
    const chunks = new Set<string>(manifest.rootMainFiles ?? []);
    for (const [key, list] of Object.entries(entries)) if (wanted.has(key)) for (const c of list) if (c.endsWith(".js")) chunks.add(c);
    out.set(route, chunks);
  }
  return out;
}
