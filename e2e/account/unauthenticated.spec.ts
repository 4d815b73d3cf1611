import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";

/**
 * Target S3 against the built app: every route handler (found by walking app/), every page and
 * every server action (ids from the build's server-reference manifest) answers 401 / the login
 * page / "Sign in to continue" without a session, also with a forged `x-middleware-subrequest`
 * (CVE-2025-29927), a `.rsc`/RSC request, and a forged session cookie that gets past proxy.ts.
 */
const ROOT = process.cwd(); // Playwright runs from the repository root
const FORGED = "proxy:proxy:proxy:proxy:proxy";
const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]"]);
/** Public by design and answering 200 to anyone: the health check and the public API's OpenAPI document. */
const OPEN_ROUTES = new Set(["/health", "/api/v3/health", "/api/v3/openapi.json"]);
const PUBLIC_ACTION_EXPORTS = new Set(["requestResetCode", "resetPasswordWithCode", "acceptInviteAction", "acceptInvite"]);

function walk(dir: string, match: (f: string) => boolean, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const full = path.join(dir, e);
    if (statSync(full).isDirectory()) walk(full, match, out);
    else if (match(full)) out.push(full);
  }
  return out;
}
const urlPath = (file: string) =>
  "/" +
  path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");
const concrete = (p: string) =>
  p.replace(/\[\.{3}\w+\]/g, "x").replace(/\[(\w+)\]/g, (_, n: string) => (n === "kind" ? "collections" : "0123456789abcdef01234567"));

const routes = walk(path.join(ROOT, "app"), (f) => /[/\\]route\.tsx?$/.test(f)).map((f) => ({
  route: urlPath(f),
  methods: ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) =>
    new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(readFileSync(f, "utf8")),
  ),
}));
const pages = walk(path.join(ROOT, "app", "(dashboard)"), (f) => /[/\\]page\.tsx$/.test(f)).map(urlPath);

test.describe("[SECURITY] nothing answers without a session", () => {
  test("every route handler: 401, also with a forged x-middleware-subrequest or a forged cookie", async ({ request }) => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const checked: string[] = [];
    for (const { route, methods } of routes) {
      if (PUBLIC_ROUTES.has(route)) continue;
      for (const method of methods) {
        const variants: Record<string, string>[] = [
          {},
          { "x-middleware-subrequest": FORGED },
          { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
          { "x-middleware-subrequest": FORGED, cookie: "kotani.session=forged.jwt.value" },
        ];
        for (const headers of variants) {
          const res = await request.fetch(concrete(route), {
            method,
            headers: { ...headers, ...(method === "GET" ? {} : { "content-type": "application/json" }) },
            data: method === "GET" ? undefined : "{}",
            maxRedirects: 0,
          });
          if (OPEN_ROUTES.has(route)) {
            expect(res.status(), `${method} ${route} ${JSON.stringify(headers)}`).toBe(200);
            expect(res.headers()["set-cookie"], `${method} ${route} sets no cookie`).toBeUndefined();
            continue;
          }
          if (route.startsWith("/l/")) {
            // A payment link's public checkout: the code is the credential; an unknown one is a plain 404, and no cookie is set.
            expect(res.status(), `${method} ${route} ${JSON.stringify(headers)}`).toBe(404);
            expect(res.headers()["set-cookie"], `${method} ${route} sets no cookie`).toBeUndefined();
            continue;
          }
          expect(res.status(), `${method} ${route} ${JSON.stringify(headers)}`).toBe(401);
        }
        checked.push(`${method} ${route}`);
      }
    }
    console.log(`[unauthenticated] ${checked.length} route handlers → 401:\n  ${checked.join("\n  ")}`);
  });

  test("every dashboard page: the login page, also as RSC / .rsc / prefetch, forged header or forged cookie", async ({ request }) => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const seen: string[] = [];
    for (const p of pages.map(concrete)) {
      for (const [suffix, headers] of [
        ["", {}],
        ["", { "x-middleware-subrequest": FORGED }],
        ["", { rsc: "1", "x-middleware-subrequest": FORGED, cookie: "kotani.session=forged" }],
        ["", { rsc: "1", "next-router-prefetch": "1", cookie: "kotani.session=forged" }],
        [".rsc", { cookie: "kotani.session=forged", "x-middleware-subrequest": FORGED }],
      ] as [string, Record<string, string>][]) {
        let url = suffix ? `${p === "/" ? "/index" : p}${suffix}` : p;
        let res = await request.get(url, { headers, maxRedirects: 0 });
        // Next sends an RSC request without its cache-busting `_rsc` parameter to the same URL with it.
        for (let hop = 0; hop < 3 && [307, 308].includes(res.status()) && !/\/login/.test(res.headers().location ?? ""); hop++) {
          url = res.headers().location!;
          res = await request.get(url, { headers, maxRedirects: 0 });
        }
        const body = await res.text();
        const label = `${p}${suffix} ${JSON.stringify(headers)} → ${url} ${res.status()}`;
        // Either a redirect to the login page, or an RSC payload that only redirects there; never the page.
        if ([302, 303, 307, 308].includes(res.status())) {
          expect(res.headers().location, label).toMatch(/\/login/);
        } else {
          expect([200, 404], label).toContain(res.status());
          // A full render must be the redirect; a prefetch of a dynamic page carries only the route tree.
          if (res.status() === 200 && !headers["next-router-prefetch"]) expect(body, label).toMatch(/\/login/);
          expect(body, label).not.toMatch(/Demo Kotani Pay|kotanipay\.test|Change password|Current password|wallet activity|Demo Owner/);
        }
        seen.push(`${res.status()} ${label}`);
      }
    }
    console.log(`[unauthenticated] ${pages.length} pages × 5 variants → login:\n  ${seen.slice(0, 10).join("\n  ")}\n  …`);
  });

  test("every server action: 'Sign in to continue' (public ones only refuse the input)", async ({ request }) => {
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    const manifestPath = path.join(ROOT, distDir, "server", "server-reference-manifest.json");
    test.skip(!existsSync(manifestPath), `no ${manifestPath}`);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
    };
    const ids = Object.entries(manifest.node);
    expect(ids.length).toBeGreaterThan(5);
    const report: string[] = [];
    for (const [id, entry] of ids) {
      const page = Object.keys(entry.workers)[0]!.replace(/^app/, "").replace(/\/page$/, "").replace(/\(.*?\)\//g, "") || "/";
      const target = concrete(page.replace(/\/\(.*?\)/g, "")) || "/";
      // A forged session cookie gets the POST past proxy.ts's optimistic redirect, so the action
      // itself runs and must refuse.
      const variants: Record<string, string>[] = [
        { cookie: "kotani.session=forged" },
        { cookie: "kotani.session=forged", "x-middleware-subrequest": FORGED },
      ];
      for (const headers of variants) {
        const res = await request.post(target, {
          headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
          data: JSON.stringify([{}]),
          maxRedirects: 0,
        });
        const text = await res.text();
        const name = entry.exportedName ?? id;
        expect(res.status(), `${name} via ${target}`).toBe(200);
        if (PUBLIC_ACTION_EXPORTS.has(name)) expect(text, name).not.toContain('"ok":true');
        else expect(text, `${name} via ${target}: ${text.slice(0, 200)}`).toContain("Sign in to continue");
      }
      report.push(`${entry.exportedName ?? id} (${entry.filename ?? Object.keys(entry.workers)[0]})`);
    }
    console.log(`[unauthenticated] ${report.length} server actions refused:\n  ${report.join("\n  ")}`);
  });
});
