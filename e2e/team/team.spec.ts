import type { Browser, Page } from "@playwright/test";
import { expect, test, type SmtpCapture } from "../fixtures/smtp";
import { DEMO_PASSWORD, signIn } from "../support/auth";

const TEAMMATE_PASSWORD = "teammate-passphrase-2026";
const LINK_RE = /https?:\/\/[^\s"]+\/invite\/[A-Za-z0-9_-]{43}/;

function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** The Owner invites `email` with `role` from the Users page; returns the link from the delivered mail. */
async function invite(page: Page, smtp: SmtpCapture, email: string, role: string): Promise<string> {
  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Invite teammates" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite teammates" });
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  await dialog.getByRole("button", { name: "Send invites" }).click();
  await expect(page.getByText(`Invite sent to ${email}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("team-row").filter({ hasText: email });
  await expect(row).toContainText("INVITED");
  await expect(row).toContainText(role);
  const mail = await smtp.waitFor((m) => m.to === email, 15_000);
  expect(mail.subject).toMatch(/invited you to Demo Kotani Pay on Kotani Pay/);
  const link = LINK_RE.exec(mail.text)?.[0];
  expect(link, "invite link in the mail").toBeTruthy();
  return link!;
}

/** The invitee opens the link in a fresh browser, sets name and password, and lands in the dashboard. */
async function accept(browser: Browser, link: string, name: string, role: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Demo Kotani Pay" })).toBeVisible();
  await expect(
    page.getByText(new RegExp(`invited you to join Demo Kotani Pay on the Kotani Pay backoffice as ${role}`)),
  ).toBeVisible();
  await page.getByLabel("Full name").fill(name);
  await page.screenshot({ path: "test-results/team-accept.png" });
  // Required fields carry an aria-hidden "*" in their label text.
  const password = page.getByLabel(/^Password\s*\*?$/);
  await password.fill("too-short");
  await page.getByLabel("Confirm password").fill("too-short");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await password.fill(TEAMMATE_PASSWORD);
  await page.getByLabel("Confirm password").fill(TEAMMATE_PASSWORD);
  await page.getByRole("button", { name: "Create account and join" }).click();
  // First sign-in: the environment gate, as for everyone.
  const gate = page.getByRole("heading", { name: "Choose your environment" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(gate.or(nav)).toBeVisible({ timeout: 30_000 });
  if (await gate.isVisible()) await page.getByRole("button", { name: "Use Sandbox" }).click();
  await expect(nav).toBeVisible();
  await expect(page.getByRole("heading", { name: /Welcome back, Demo Kotani Pay/ })).toBeVisible();
  return page;
}

async function sidebar(page: Page): Promise<string[]> {
  return (await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents()).map((t) =>
    t.trim(),
  );
}

test.describe("[TEAM] invites, roles and enforcement", () => {
  // Two browsers, real mail and several server round trips on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });

  test("the Owner invites a Finance teammate who joins from the mail and transfers; demoted to Viewer, their next action is refused", async ({
    page,
    browser,
    smtp,
  }) => {
    const email = uniqueEmail("finance-mate");
    await signIn(page);
    const link = await invite(page, smtp, email, "Finance");

    const mate = await accept(browser, link, "Fiona Finance", "Finance");
    expect(await sidebar(mate)).toContain("Wallets");
    expect(await sidebar(mate)).not.toContain("Users");

    // Finance can move money: Transfer Deposit Balance on the Wallets page.
    await mate.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallets", exact: true }).click();
    await expect(mate.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();
    await mate.getByRole("button", { name: "Transfer Now" }).first().click();
    const transfer = mate.getByRole("dialog", { name: "Transfer Deposit Balance" });
    await transfer.getByLabel("Transfer specific amount").check();
    await transfer.getByLabel(/^Amount \(KES\)$/).fill("1");
    await transfer.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(mate.getByText(/moved to your main balance/)).toBeVisible();

    // The link is single use.
    const reuse = await mate.context().newPage();
    await reuse.goto(link);
    await expect(reuse.getByTestId("invite-error")).toContainText("This invitation has already been used.");
    await reuse.close();

    // The Owner sees the new member, changes them to Viewer.
    await page.goto("/users");
    const row = page.getByTestId("team-row").filter({ hasText: email });
    await expect(row).toContainText("Fiona Finance");
    await expect(row).toContainText("ACTIVE");
    await page.screenshot({ path: "test-results/team-users.png", fullPage: true });
    await row.getByRole("button", { name: `Actions for ${email}` }).click();
    await page.getByRole("menuitem", { name: "Change role" }).click();
    const changeRole = page.getByRole("dialog", { name: "Change role" });
    // The dialog and the toast tell the same truth: the member's sessions end, the role holds from their next sign-in.
    const effect = "They are signed out at their next request and get the new role when they sign in again.";
    await expect(changeRole).toContainText(effect);
    await changeRole.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Viewer", exact: true }).click();
    await changeRole.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("Fiona Finance is now Viewer")).toBeVisible();
    await expect(page.getByRole("region", { name: /Notifications/ }).getByText(effect)).toBeVisible();
    await expect(row).toContainText("Viewer");

    // The teammate's next action, from the page they still have open, is refused: no new sign-in needed for that.
    await mate.getByRole("button", { name: "Transfer Now" }).first().click();
    const again = mate.getByRole("dialog", { name: "Transfer Deposit Balance" });
    await again.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(again.getByText("Sign in to continue")).toBeVisible();
    await mate.reload();
    await expect(mate).toHaveURL(/\/login/);

    // Signed in again they are a Viewer: no transfer button, and the API refuses the transfer with 403.
    await signIn(mate, email, TEAMMATE_PASSWORD);
    await mate.goto("/wallets");
    await expect(mate.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();
    await expect(mate.getByRole("button", { name: "Transfer Now" })).toHaveCount(0);
    const res = await mate.request.post("/api/wallets/transfer", {
      data: { walletId: "any", amount: "1", idempotencyKey: "e2e-viewer-refused" },
      headers: { origin: new URL(mate.url()).origin },
    });
    expect(res.status()).toBe(403);
    await mate.context().close();

    // Every step is in the audit log.
    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit Log" })).toBeVisible();
    for (const action of ["team.invite_sent", "team.invite_accepted", "team.member_role_changed"]) {
      await expect(page.getByTestId("audit-row").filter({ hasText: action }).first()).toBeVisible();
    }
  });

  test("a revoked invite link, and a tampered one, show a clear message", async ({ page, smtp }) => {
    const email = uniqueEmail("revoked");
    await signIn(page);
    const link = await invite(page, smtp, email, "Developer");
    const row = page.getByTestId("team-row").filter({ hasText: email });
    await row.getByRole("button", { name: `Actions for ${email}` }).click();
    await page.getByRole("menuitem", { name: "Revoke invite" }).click();
    await page.getByRole("dialog", { name: "Revoke invite" }).getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText(`The invite to ${email} was revoked`)).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This invitation was revoked" })).toBeVisible();
    await expect(page.getByTestId("invite-error")).toContainText("This invitation was revoked.");
    await expect(page.getByRole("button", { name: /join/i })).toHaveCount(0);

    const tampered = link.slice(0, -2) + (link.endsWith("AA") ? "BB" : "AA");
    await page.goto(tampered);
    await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  });

  test("inviting someone already in the team or already invited, a malformed address, or 51 people: clear messages, nothing sent", async ({
    page,
    smtp,
  }) => {
    await signIn(page);
    await page.goto("/users");
    await page.getByRole("button", { name: "Invite teammates" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite teammates" });
    const emails = dialog.getByLabel("Email addresses");
    await emails.fill("finance@kotanipay.test, someone-new@example.test");
    await dialog.getByRole("button", { name: "Send invites" }).click();
    await expect(dialog.getByTestId("invite-error")).toHaveText("Already in the team: finance@kotanipay.test.");
    await emails.fill("good@example.test, not-an-address");
    await dialog.getByRole("button", { name: "Send invites" }).click();
    await expect(dialog.getByText("This is not a valid email address: not-an-address")).toBeVisible();
    await emails.fill(Array.from({ length: 51 }, (_, i) => `bulk${i}@example.test`).join("\n"));
    await dialog.getByRole("button", { name: "Send invites" }).click();
    await expect(dialog.getByText("You can invite at most 50 people at once (you entered 51).")).toBeVisible();
    expect(smtp.messages.some((m) => m.to === "someone-new@example.test" || m.to === "good@example.test")).toBe(false);
  });

  test("a custom role with only collections.read sees Collections and nothing else", async ({
    page,
    browser,
    smtp,
  }) => {
    const roleName = `Collections only ${Date.now().toString(36)}`;
    await signIn(page);
    await page.goto("/roles");
    await expect(page.getByRole("heading", { level: 1, name: "Roles & Permissions" })).toBeVisible();
    // Built-ins are read-only.
    await expect(
      page.getByTestId("role-row").filter({ hasText: "Owner" }).getByRole("button", { name: "View Owner" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete Owner" })).toHaveCount(0);

    await page.getByRole("button", { name: "Create role" }).click();
    const editor = page.getByRole("dialog", { name: "Create role" });
    await editor.getByLabel("Role name").fill("Admin");
    await editor.getByRole("checkbox", { name: "Collections read" }).check();
    await page.screenshot({ path: "test-results/team-role-editor.png" });
    await editor.getByRole("button", { name: "Create role" }).click();
    await expect(editor.getByText("Admin is a built-in role name. Choose another name.")).toBeVisible();
    await editor.getByLabel("Role name").fill(roleName);
    await editor.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByText(`Role "${roleName}" created`)).toBeVisible();
    const roleRow = page.getByTestId("role-row").filter({ hasText: roleName });
    await expect(roleRow).toContainText("Collections");
    await expect(roleRow).toContainText("0");

    const email = uniqueEmail("collections");
    const link = await invite(page, smtp, email, roleName);
    const mate = await accept(browser, link, "Cole Lections", roleName);
    expect(await sidebar(mate)).toEqual(["Dashboard", "Collections"]);
    await mate.goto("/wallets");
    await expect(mate.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await mate.screenshot({ path: "test-results/team-collections-only.png", fullPage: true });
    await mate.context().close();

    // In use: deleting the role asks where its member goes.
    await page.goto("/roles");
    await expect(roleRow).toContainText("1");
    await roleRow.getByRole("button", { name: `Delete ${roleName}` }).click();
    const del = page.getByRole("dialog", { name: "Delete role" });
    await expect(del).toContainText(`${roleName} has 1 member`);
    await expect(del.getByRole("button", { name: "Move members and delete" })).toBeDisabled();
    await del.getByRole("combobox", { name: "Move members to" }).click();
    await page.getByRole("option", { name: "Viewer", exact: true }).click();
    await del.getByRole("button", { name: "Move members and delete" }).click();
    await expect(page.getByText(`Role "${roleName}" deleted`)).toBeVisible();
    await expect(roleRow).toHaveCount(0);
  });

  test("the audit log filters by action and exports CSV; a Viewer cannot open it", async ({ page, browser }) => {
    await signIn(page);
    await page.goto("/audit");
    // The Action filter is the list toolbar's multi-select (a popover of checkboxes).
    await page.getByRole("button", { name: /^Filter by action/ }).click();
    await page.getByRole("checkbox", { name: "Sign-in", exact: true }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    // The previous page stays on screen (dimmed, aria-busy) until the filtered one arrives.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    const actions = await page
      .getByTestId("audit-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
    expect(new Set(actions)).toEqual(new Set(["auth.sign_in"]));
    await page.screenshot({ path: "test-results/team-audit.png", fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "time_utc,actor_email,actor_name,actor_user_id,action,target_type,target_id,outcome,ip,environment,user_agent,details",
    );
    expect(csv).toContain("auth.sign_in");
    expect(csv).not.toMatch(/,team\.invite_sent,/);

    const viewer = await (await browser.newContext()).newPage();
    await signIn(viewer, "viewer@kotanipay.test", DEMO_PASSWORD);
    expect(await sidebar(viewer)).not.toContain("Audit Log");
    const res = await viewer.request.get("/api/team/audit");
    expect(res.status()).toBe(403);
    await viewer.context().close();
  });
});
