/**
 * Tenant isolation, table by table: every table that carries an integrator is read and changed
 * only through services that filter by the scope's integrator (lib/db/tenant.ts). Two seeded
 * organisations share a market (KE / KES, sandbox): integrator B's scope, given A's ids, gets
 * "not found" and changes nothing; B's lists and totals do not move when A's rows change.
 *
 * The last test lists every table with an integrator_id column and fails when one is neither
 * covered here nor named as having no service yet — a new area adds its services' case here.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { testEngines, withTestDb } from "./db";
import type { Db } from "@/lib/db/client";
import { createTestApiKey } from "@/lib/api-keys/testing";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { updateWebhookSettings } from "@/lib/webhooks/update-webhook-settings";
import { getWebhookSettings } from "@/lib/webhooks/get-webhook-settings";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { seed } from "@/lib/db/seed";
import { testScope } from "@/lib/auth/test-scope";
import type { MemberScope } from "@/lib/auth/scope";
import { NotFoundError, ValidationError } from "@/lib/auth/errors";
import { listQuerySchema } from "@/lib/transactions/list-contract-schema";
import { listTransactions } from "@/lib/transactions/list-transactions";
import { getTransaction } from "@/lib/transactions/get-transaction";
import { transactionStats } from "@/lib/transactions/transaction-stats";
import { dailyChart } from "@/lib/transactions/daily-chart";
import { getWallet, getWalletsOverview } from "@/lib/wallets/list-wallets";
import { updateWallet } from "@/lib/wallets/manage-wallet";
import { transferDepositBalance } from "@/lib/wallets/transfer-deposit-balance";
import { getBalanceHistory } from "@/lib/wallets/balance-history";
import { getMarketBalances } from "@/lib/wallets/market-balances";
import { listCryptoWallets } from "@/lib/wallets/crypto-wallets";
import { listMembers } from "@/lib/team/list-members";
import { listRoles } from "@/lib/team/list-roles";
import { changeMemberRole, removeMember } from "@/lib/team/manage-member";
import { revokeInvite } from "@/lib/team/manage-invite";
import { deleteRole, updateRole } from "@/lib/team/manage-role";
import { inviteMembers } from "@/lib/team/invite-members";
import { auditListSchema } from "@/lib/audit/list-contract-schema";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { switchContext } from "@/lib/auth/switch-context";
import { createPayout } from "@/lib/engine/create-payout";
import { createCollection } from "@/lib/engine/create-collection";
import { cancelTransaction } from "@/lib/engine/cancel-transaction";
import { decidePayoutApproval } from "@/lib/engine/decide-payout-approval";
import { listApprovalThresholds, setApprovalThreshold } from "@/lib/engine/approval-thresholds";
import { listPayoutApprovals } from "@/lib/engine/list-payout-approvals";
import { quotePayout } from "@/lib/engine/quote-payout";
import { fastSandbox, startEngineJobs, stopEngineJobs } from "@/lib/engine/testing/engine-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { validateBulkFile } from "@/lib/bulk-payments/validate-bulk-file";
import { confirmBulkUpload } from "@/lib/bulk-payments/confirm-bulk-upload";
import { startBulkBatch } from "@/lib/bulk-payments/start-bulk-batch";
import { cancelBulkBatch } from "@/lib/bulk-payments/cancel-bulk-batch";
import { retryFailedItems } from "@/lib/bulk-payments/retry-failed-items";
import { getBulkUpload } from "@/lib/bulk-payments/get-bulk-upload";
import { listBatchItems } from "@/lib/bulk-payments/list-batch-items";
import { listBulkUploads } from "@/lib/bulk-payments/list-bulk-uploads";
import { getBulkStats } from "@/lib/bulk-payments/bulk-stats";
import { batchItemsSchema } from "@/lib/bulk-payments/items-contract-schema";
import { bulkUploadsListSchema } from "@/lib/bulk-payments/uploads-contract-schema";
import { confirmBulkSchema } from "@/lib/bulk-payments/schemas";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { updatePaymentLink } from "@/lib/payment-links/update-payment-link";
import { setLinkActive } from "@/lib/payment-links/set-link-active";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";
import { listLinkPayments } from "@/lib/payment-links/list-link-payments";
import { getLinkAnalytics } from "@/lib/payment-links/link-analytics";
import { paymentLinksListSchema } from "@/lib/payment-links/payment-links-contract-schema";
import { linkPaymentsSchema } from "@/lib/payment-links/link-payments-contract-schema";
import { createPaymentLinkSchema, updatePaymentLinkSchema } from "@/lib/payment-links/schemas";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { updateSavedView } from "@/lib/saved-views/update-saved-view";
import { deleteSavedView } from "@/lib/saved-views/delete-saved-view";
import { setDefaultSavedView } from "@/lib/saved-views/set-default-saved-view";

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rows<T>(db, query);
  if (!row) throw new Error("no row");
  return row;
}

/** Tables whose rows no service reads or writes yet: the issue that adds the service adds its case above. */
const NO_SERVICE_YET: Record<string, string> = {};

describe.each(testEngines())("tenant isolation (%s)", (engine) => {
  const t = withTestDb(engine);
  const covered = new Set<string>();
  let a: MemberScope;
  let b: MemberScope;
  let jobs: JobsRuntime | undefined;
  afterAll(() => stopEngineJobs(jobs));

  beforeAll(async () => {
    fastSandbox();
    // Enqueue only: the engine's jobs are not worked here.
    jobs = await startEngineJobs(t.current.opened, { workers: false });
    await seed(t.db, { transactions: 1500, now: new Date("2026-06-01T00:00:00Z") });
    const orgs = await rows<{ id: string; organization: string; user_id: string; email: string }>(
      t.db,
      sql`select i.id, i.organization, u.id as user_id, u.email from integrators i
          join memberships m on m.integrator_id = i.id join roles r on r.id = m.role_id and r.name = 'Owner'
          join users u on u.id = m.user_id order by i.organization, u.email`,
    );
    const demo = orgs.find((o) => o.organization === "Demo Kotani Pay")!;
    const savanna = orgs.find((o) => o.organization === "Savanna Remit")!;
    a = testScope(demo.id, { userId: demo.user_id, email: demo.email, organization: demo.organization });
    b = testScope(savanna.id, { userId: savanna.user_id, email: savanna.email, organization: savanna.organization });
  });

  it("transactions, their status history, callbacks and daily totals", async () => {
    const db = t.db;
    const mine = await one<{ id: string; reference_id: string }>(
      db,
      sql`select id, reference_id from transactions where integrator_id = ${a.integratorId} and environment = 'sandbox'
          and currency = 'KES' and country = 'KE' and kind = 'collection' order by created_at desc limit 1`,
    );
    await expect(getTransaction(db, b, "collections", mine.id)).rejects.toBeInstanceOf(NotFoundError);
    const found = await listTransactions(db, b, "collections", listQuerySchema.parse({ q: mine.reference_id }));
    expect(found.rows).toEqual([]);

    // B's views do not move when every one of A's rows changes.
    const before = {
      list: await listTransactions(db, b, "collections", listQuerySchema.parse({})),
      stats: await transactionStats(db, b, "collections", listQuerySchema.parse({})),
      chart: await dailyChart(db, b, 30, new Date("2026-06-01T00:00:00Z")),
    };
    expect(before.list.rows.length).toBeGreaterThan(0);
    await db.execute(sql`update transactions set amount = amount + 100, status = 'FAILED' where integrator_id = ${a.integratorId}`);
    await db.execute(sql`update transaction_daily_stats set count = count + 1000, amount = amount + 1000 where integrator_id = ${a.integratorId}`);
    expect(await listTransactions(db, b, "collections", listQuerySchema.parse({}))).toEqual(before.list);
    expect(await transactionStats(db, b, "collections", listQuerySchema.parse({}))).toEqual(before.stats);
    expect(await dailyChart(db, b, 30, new Date("2026-06-01T00:00:00Z"))).toEqual(before.chart);
    covered.add("transactions").add("transaction_status_history").add("webhook_deliveries").add("transaction_daily_stats");
  });

  it("fiat wallets, their ledger and balance history", async () => {
    const db = t.db;
    const wallet = await one<{ id: string; deposit_balance: string; payout_balance: string; name: string }>(
      db,
      sql`select id, deposit_balance::text, payout_balance::text, name from fiat_wallets
          where integrator_id = ${a.integratorId} and environment = 'sandbox' and currency = 'KES' and deposit_balance > 0 limit 1`,
    );
    await expect(getWallet(db, b, wallet.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBalanceHistory(db, b, wallet.id, { page: 1, pageSize: 20 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateWallet(db, b, { walletId: wallet.id, name: "Hijacked", locked: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      transferDepositBalance(db, b, { walletId: wallet.id, amount: 100n, idempotencyKey: "tenant-isolation-transfer" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const after = await one<{ deposit_balance: string; payout_balance: string; name: string }>(
      db,
      sql`select deposit_balance::text, payout_balance::text, name from fiat_wallets where id = ${wallet.id}`,
    );
    expect(after).toEqual({ deposit_balance: wallet.deposit_balance, payout_balance: wallet.payout_balance, name: wallet.name });
    const ledgerRows = await one<{ n: number }>(db, sql`select count(*)::int as n from ledger_transactions where idempotency_key = 'tenant-isolation-transfer'`);
    expect(ledgerRows.n).toBe(0);

    const overview = await getWalletsOverview(db, b);
    const balances = await getMarketBalances(db, b);
    await db.execute(sql`update fiat_wallets set name = name || ' (A)' where integrator_id = ${a.integratorId}`);
    expect(await getWalletsOverview(db, b)).toEqual(overview);
    expect(await getMarketBalances(db, b)).toEqual(balances);
    expect(JSON.stringify(overview)).not.toContain(wallet.id);
    covered.add("fiat_wallets").add("ledger_transactions").add("ledger_entries");
  });

  it("crypto wallets and their balances", async () => {
    const theirs = await rows<{ id: string }>(t.db, sql`select id from crypto_wallets where integrator_id = ${a.integratorId}`);
    expect(theirs.length).toBeGreaterThan(0);
    const listed = await listCryptoWallets(t.db, b);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((w) => w.id).filter((id) => theirs.some((x) => x.id === id))).toEqual([]);
    covered.add("crypto_wallets").add("crypto_balances");
  });

  it("team: roles, memberships and invites", async () => {
    const db = t.db;
    const invite = await inviteMembers(db, a, { emails: ["isolation@demo.test"], roleId: (await ownerRole(db, a.integratorId, "Viewer"))! }, { mailer: async () => {} });
    const inviteId = invite.invited[0]!.id;
    const member = await one<{ id: string }>(
      db,
      sql`select m.id from memberships m join roles r on r.id = m.role_id where m.integrator_id = ${a.integratorId} and r.name <> 'Owner' limit 1`,
    );
    const theirRole = (await ownerRole(db, a.integratorId, "Finance"))!;
    const ourRole = (await ownerRole(db, b.integratorId, "Viewer"))!;

    const before = await rows(db, sql`select id, role_id, status from memberships where integrator_id = ${a.integratorId} order by id`);
    await expect(changeMemberRole(db, b, { memberId: member.id, roleId: ourRole })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(db, b, { memberId: member.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeInvite(db, b, { inviteId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRole(db, b, { roleId: theirRole })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRole(db, b, { roleId: theirRole, name: "Hijacked", description: "", permissions: [] })).rejects.toBeInstanceOf(NotFoundError);
    expect(await rows(db, sql`select id, role_id, status from memberships where integrator_id = ${a.integratorId} order by id`)).toEqual(before);
    const inviteRow = await one<{ revoked_at: Date | null }>(db, sql`select revoked_at from invites where id = ${inviteId}`);
    expect(inviteRow.revoked_at).toBeNull();

    const members = await listMembers(db, b);
    expect(members.map((m) => m.email).filter((e) => !e.endsWith("@savanna.test"))).toEqual([]);
    const roleIds = (await listRoles(db, b)).map((r) => r.id);
    expect(roleIds).not.toContain(theirRole);
    covered.add("roles").add("memberships").add("invites");
  });

  it("audit log", async () => {
    const listed = await listAuditLogs(t.db, b, auditListSchema.parse({}));
    const ids = listed.rows.map((r) => String(r.id));
    const theirs = await rows<{ id: string }>(t.db, sql`select id::text from audit_logs where integrator_id = ${a.integratorId}`);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ids.filter((id) => theirs.some((x) => x.id === id))).toEqual([]);
    covered.add("audit_logs");
  });

  it("markets: a market the integrator lacks cannot be selected", async () => {
    const aOnly = await one<{ country: string; currency: string }>(
      t.db,
      sql`select country, currency from integrator_markets where integrator_id = ${a.integratorId} and environment = 'sandbox'
          and (country, currency) not in (select country, currency from integrator_markets where integrator_id = ${b.integratorId}) limit 1`,
    );
    await expect(switchContext(t.db, b, { environment: "sandbox", country: aOnly.country, currency: aOnly.currency })).rejects.toBeInstanceOf(
      ValidationError,
    );
    covered.add("integrator_markets");
  });

  it("payment links: list, detail, payments, analytics, edit and deactivate", async () => {
    const db = t.db;
    const { link } = await createPaymentLink(
      db,
      a,
      createPaymentLinkSchema.parse({
        name: "Isolation link",
        linkType: "STANDARD",
        pricing: "FIXED",
        amount: "100",
        paymentMethods: ["MOBILE_MONEY"],
        usage: "UNLIMITED",
        customerFields: { name: "OPTIONAL", email: "OPTIONAL", phone: "REQUIRED" },
      }),
    );
    const form = { name: "Taken over", linkType: "STANDARD", pricing: "FIXED", amount: "1", paymentMethods: ["MOBILE_MONEY"], usage: "UNLIMITED", customerFields: { name: "OPTIONAL", email: "OPTIONAL", phone: "REQUIRED" } } as const;
    await expect(getPaymentLink(db, b, link.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePaymentLink(db, b, updatePaymentLinkSchema.parse({ ...form, linkId: link.id }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setLinkActive(db, b, { linkId: link.id, active: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listLinkPayments(db, b, link.id, linkPaymentsSchema.parse({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLinkAnalytics(db, b, link.id)).rejects.toBeInstanceOf(NotFoundError);
    const bList = await listPaymentLinks(db, b, paymentLinksListSchema.parse({ q: link.shortCode }));
    expect(bList.rows).toEqual([]);
    expect((await listPaymentLinks(db, a, paymentLinksListSchema.parse({ q: link.shortCode }))).rows.map((r) => r.id)).toEqual([link.id]);
    expect(await getPaymentLink(db, a, link.id)).toMatchObject({ name: "Isolation link", active: true, amount: "10000" });
    covered.add("payment_links");
  });

  it("bulk payments: uploads, batches and items", async () => {
    const db = t.db;
    const file = new TextEncoder().encode(
      `recipient_name,recipient_email,recipient_phone,amount,currency,reference\r\nJane Doe,jane@example.com,+254700000001,100,KES,ISO-${randomUUID().slice(0, 8)}\r\n`,
    );
    const v = await validateBulkFile(db, a, { fileName: "isolation.csv", bytes: file });
    expect(v.isValid).toBe(true);
    const wallet = v.wallets.KES![0]!;
    // B cannot confirm A's draft, even naming A's wallet.
    await expect(
      confirmBulkUpload(db, b, confirmBulkSchema.parse({ uploadId: v.uploadId, name: "Stolen", walletSelections: [{ currency: "KES", walletId: wallet.id }], idempotencyKey: randomUUID() })),
    ).rejects.toBeInstanceOf(NotFoundError);
    const { uploadId, batchIds } = await confirmBulkUpload(
      db,
      a,
      confirmBulkSchema.parse({ uploadId: v.uploadId, name: "Isolation", walletSelections: [{ currency: "KES", walletId: wallet.id }], idempotencyKey: randomUUID() }),
    );
    const batchId = batchIds[0]!;
    await expect(getBulkUpload(db, b, uploadId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listBatchItems(db, b, batchId, batchItemsSchema.parse({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(startBulkBatch(db, b, { batchId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelBulkBatch(db, b, { batchId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryFailedItems(db, b, { batchId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBulkUploads(db, b, bulkUploadsListSchema.parse({}))).rows.map((r) => r.id)).not.toContain(uploadId);
    expect((await getBulkStats(db, b)).totalBatches).toBe(0);
    expect((await listBulkUploads(db, a, bulkUploadsListSchema.parse({}))).rows.map((r) => r.id)).toContain(uploadId);
    const status = await one<{ status: string }>(db, sql`select status from bulk_batches where id = ${batchId}`);
    expect(status.status).toBe("pending");
    covered.add("bulk_uploads").add("bulk_batches").add("bulk_items");
  });

  it("money engine: customers, payouts held for approval, thresholds and outbox events", async () => {
    const db = t.db;
    await setApprovalThreshold(db, a, { currency: "KES", threshold: "1" });
    const held = await createPayout(db, a, { channel: "MOBILE_MONEY", phoneNumber: "0700000001", amount: "10", idempotencyKey: randomUUID() });
    expect(held.status).toBe("AWAITING_APPROVAL");
    const collection = await createCollection(db, a, { phoneNumber: "0700000002", amount: "10", idempotencyKey: randomUUID() });
    const customer = await one<{ customer_id: string }>(db, sql`select customer_id from transactions where id = ${collection.id}`);

    // B, given A's ids: not found, and nothing changes.
    await expect(cancelTransaction(db, b, { transactionId: collection.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(decidePayoutApproval(db, b, { transactionId: held.id, decision: "reject", reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createPayout(db, b, { channel: "MOBILE_MONEY", customerId: customer.customer_id, amount: "10", idempotencyKey: randomUUID() }),
    ).rejects.toThrow("Customer not found");
    await expect(
      createPayout(db, b, { channel: "MOBILE_MONEY", walletId: held.walletId, phoneNumber: "0700000001", amount: "10", idempotencyKey: randomUUID() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(quotePayout(db, b, { walletId: held.walletId, channel: "MOBILE_MONEY", amount: "10" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPayoutApprovals(db, b)).toEqual([]);
    expect((await listApprovalThresholds(db, b)).every((x) => x.threshold === null)).toBe(true);
    const status = await one<{ held: string; collection: string }>(
      db,
      sql`select (select status from transactions where id = ${held.id}) as held, (select status from transactions where id = ${collection.id}) as collection`,
    );
    expect(status).toEqual({ held: "AWAITING_APPROVAL", collection: "PENDING" });
    const events = await one<{ n: number }>(db, sql`select count(*)::int as n from outbox_events where integrator_id = ${b.integratorId}`);
    expect(events.n).toBe(0);
    covered.add("customers").add("outbox_events").add("payout_approvals").add("payout_approval_thresholds");
  });

  it("developers: API keys and webhook settings", async () => {
    const db = t.db;
    const key = await createTestApiKey(db, { integratorId: a.integratorId });
    await expect(revokeApiKey(db, b, { keyId: key.id }, new Date())).rejects.toBeInstanceOf(NotFoundError);
    expect((await listApiKeys(db, b, { owner: "all" })).keys.map((k) => k.id)).not.toContain(key.id);
    const auth = await authenticateApiKey(db, `Bearer ${key.key}`, { now: new Date() });
    expect(auth.scope.integratorId).toBe(a.integratorId);

    await updateWebhookSettings(db, a, { url: "https://8.8.8.8/hooks/a", events: [] });
    expect((await getWebhookSettings(db, b)).url).toBeNull();
    await rotateWebhookSecret(db, b, { password: "unused" }, new Date()).catch(() => {});
    expect((await getWebhookSettings(db, a)).hasSecret).toBe(false);
    covered.add("api_keys").add("api_key_nonces").add("webhook_settings");
  });

  it("saved views and their defaults", async () => {
    const db = t.db;
    const list = "collections" as const;
    const view = await createSavedView(db, a, { list, name: "Failed", params: "status=FAILED", shared: true, makeDefault: true });
    expect(await listSavedViews(db, b, { list })).toEqual([]);
    await expect(updateSavedView(db, b, { list, viewId: view.id, name: "Theirs" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setDefaultSavedView(db, b, { list, viewId: view.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedView(db, b, { list, viewId: view.id })).rejects.toBeInstanceOf(NotFoundError);
    await setDefaultSavedView(db, b, { list, viewId: null });
    expect(await listSavedViews(db, a, { list })).toEqual([expect.objectContaining({ id: view.id, name: "Failed", isDefault: true })]);
    covered.add("saved_views").add("saved_view_defaults");
  });

  it("every table that carries an integrator is covered above, or has no service yet", async () => {
    const tables = await rows<{ table_name: string }>(
      t.db,
      sql`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'integrator_id' order by 1`,
    );
    // Tables keyed by another table's integrator-scoped id (balances by wallet, history by transaction) count with their parent.
    const uncovered = tables.map((r) => r.table_name).filter((name) => !covered.has(name) && !(name in NO_SERVICE_YET));
    expect(uncovered, "add an isolation case for these tables' services").toEqual([]);
  });
});

async function ownerRole(db: Db, integratorId: string, name: string): Promise<string | undefined> {
  const [row] = await rows<{ id: string }>(db, sql`select id from roles where integrator_id = ${integratorId} and name = ${name}`);
  return row?.id;
}
