import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/auth";
import { detailRoutes, LIST_ROUTES, NOT_FOUND_ROUTE, PUBLIC_ROUTES } from "./routes";

/**
 * Issue 14 item 11: a browser whose locale and time zone differ from the server's (en-US, New
 * York) loads every page in full (server HTML, then hydration) without a console error: React's
 * hydration mismatch (#418) is one, as is any uncaught error.
 */
test.use({ locale: "en-US", timezoneId: "America/New_York" });
test.describe.configure({ timeout: 240_000 });

/** Console errors and uncaught page errors since the call, as "path: message" lines. */
function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${new URL(page.url()).pathname}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${new URL(page.url()).pathname}: ${e.message}`));
  return errors;
}

/** A full load, waited until hydrated and idle: the client's first render has run. */
async function load(page: Page, path: string, status = 200) {
  const response = await page.goto(path, { waitUntil: "load" });
  expect(response?.status(), path).toBe(status);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test.describe("[QUALITY] no console error on a full load (en-US, America/New_York)", () => {
  test("every signed-in page", async ({ page }) => {
    await signIn(page);
    const routes = [...LIST_ROUTES, ...(await detailRoutes(page))];
    const errors = collectErrors(page);
    for (const path of routes) await load(page, path);
    await load(page, NOT_FOUND_ROUTE, 404);
    // The 404's own status is logged by Chromium as a failed resource load: not the app's error.
    const appErrors = errors.filter((e) => !e.startsWith(`${NOT_FOUND_ROUTE}: Failed to load resource`));
    expect(appErrors, appErrors.join("\n")).toEqual([]);
  });

  test("the public pages", async ({ page }) => {
    const errors = collectErrors(page);
    for (const path of PUBLIC_ROUTES) await load(page, path);
    expect(errors, errors.join("\n")).toEqual([]);
  });
});
