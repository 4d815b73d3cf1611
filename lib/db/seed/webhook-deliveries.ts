import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * The demo's callback history: every seeded transaction whose callbackUrlStatus says a callback
 * was made gets the delivery row that status describes (§4.7), so the detail sheet's "Callback
 * Status" and its delivery list agree. COMPLETED: one attempt answered 200. A seeded failure has no
 * retry queued, so it is recorded as what it is by now: PERMANENTLY_FAILED after its attempts.
 * Set-based (one statement each), deterministic (ids from the transaction's), in the seed's
 * transaction.
 */
export async function seedWebhookDeliveries(db: Db): Promise<number> {
  await db.execute(sql`update transactions set callback_status = -2 where callback_status = -1`);
  const res = (await db.execute(sql`
    insert into webhook_deliveries (id, integrator_id, environment, transaction_id, delivery_key, event, mode, url,
      request_headers, request_body, response_status, response_body, error, attempt, status, duration_ms, created_at)
    select 'whd_' || t.id, t.integrator_id, t.environment, t.id, 'seed-' || t.id,
      case t.kind when 'collection' then 'transaction.deposit.status.updated' when 'payout' then 'transaction.withdrawal.status.updated'
        when 'onramp' then 'transaction.onramp.status.updated' else 'transaction.offramp.status.updated' end,
      'direct', t.callback_url,
      jsonb_build_object('content-type', 'application/json', 'user-agent', 'KotaniPay-Webhooks/1.0'),
      case when t.kind = 'collection'
        then jsonb_build_object('status', t.status, 'reference_id', t.reference_id, 'id', t.id, 'currency', t.currency)
        else jsonb_build_object('status', t.status, 'referenceId', t.reference_id, 'id', t.id, 'currency', t.currency) end,
      case t.callback_status when 0 then 200 else 500 end,
      case t.callback_status when 0 then '{"received":true}' else 'Internal Server Error' end,
      null,
      case t.callback_status when 0 then 1 else 12 end,
      case t.callback_status when 0 then 'COMPLETED' else 'PERMANENTLY_FAILED' end,
      80 + (abs(hashtext(t.id)) % 400),
      t.updated_at
    from transactions t
    where t.callback_status is not null and t.callback_url is not null
    returning 1`)) as unknown as { rows: unknown[] };
  return res.rows.length;
}
