import { test, expect } from "@playwright/test";
import { signIn } from "../support/auth";

test.describe("[SECURITY] response headers and CSP", () => {
  test("the dashboard page: CSP with a per-request nonce, no-store, nosniff, Referrer-Policy; and the app works under it", async ({ page }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(String(e)));
    await signIn(page);

    const res = await page.request.get("/");
    expect(res.status()).toBe(200);
    const h = res.headers();
    console.log(`[headers] GET / (signed in)\n${Object.entries(h).map(([k, v]) => `  ${k}: ${v}`).join("\n")}`);
    const csp = h["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'strict-dynamic'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["cache-control"]).toContain("no-store");
    expect(h["strict-transport-security"]).toBeUndefined(); // http here; on https: max-age=63072000
    expect(h["x-powered-by"]).toBeUndefined();
    // Every inline and external script of the page carries this response's nonce.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag.slice(0, 120)).toContain(`nonce="${nonce}"`);
    // A fresh nonce on every request.
    const again = await page.request.get("/");
    expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);

    // The app runs under the policy: client navigation, the theme script, Radix popovers, charts.
    await page.reload();
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collections" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitem", { name: "Account & security" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Account & security" })).toBeVisible();
    expect(violations, violations.join("\n")).toEqual([]);
  });

  test("the auth pages and API responses carry the headers too", async ({ request }) => {
    for (const path of ["/login", "/forgot-password", "/reset-password", "/api/context"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      const h = res.headers();
      expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["cache-control"], path).toContain("no-store");
    }
  });
});
