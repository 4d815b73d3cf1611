import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { paymentLinks } from "../schema";
import type { IdFactory, Rng } from "./prng";

const SHORT_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * The demo's payment links: one per link name the generator gave PAYMENT_LINK collections
 * (metadata.paymentLink), per integrator, environment and market, created a day before its first
 * payment, "customer chooses" and unlimited; then every such collection points at its link and
 * each link's uses are its successful payments, with about three page views per payment started. Runs in the seed's transaction, after the load.
 */
export async function seedPaymentLinks(db: Db, rng: Rng, ids: IdFactory): Promise<number> {
  const groups = (
    (await db.execute(sql`
    select integrator_id, environment, currency, country, metadata->>'paymentLink' as name,
           min(created_at) as first_at, (count(*) filter (where status = 'SUCCESSFUL'))::int as successful
    from transactions
    where channel = 'PAYMENT_LINK' and kind = 'collection' and metadata->>'paymentLink' is not null
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5`)) as unknown as {
      rows: {
        integrator_id: string;
        environment: "sandbox" | "production";
        currency: string;
        country: string;
        name: string;
        first_at: string | Date;
        successful: number;
      }[];
    }
  ).rows;
  if (!groups.length) return 0;
  const shortCode = () => Array.from({ length: 10 }, () => SHORT_CODE_ALPHABET[rng.int(32)]).join("");
  await db.insert(paymentLinks).values(
    groups.map((g) => {
      const created = new Date(new Date(g.first_at).getTime() - 86_400_000);
      return {
        id: ids.next(created.getTime()),
        integratorId: g.integrator_id,
        environment: g.environment,
        name: g.name,
        description: `${g.name} — pay by mobile money`,
        shortCode: shortCode(),
        linkType: g.name === "Donation" ? "DONATION" : g.name === "Invoice payment" ? "INVOICE" : "STANDARD",
        pricing: "CUSTOMER_CHOICE",
        currency: g.currency,
        country: g.country,
        usage: "UNLIMITED",
        currentUses: Number(g.successful),
        customerFields: { name: "OPTIONAL", email: "OPTIONAL", phone: "REQUIRED" } as const,
        createdAt: created,
        updatedAt: created,
      };
    }),
  );
  await db.execute(sql`
    update transactions t set payment_link_id = l.id
    from payment_links l
    where t.channel = 'PAYMENT_LINK' and t.kind = 'collection'
      and l.integrator_id = t.integrator_id and l.environment = t.environment
      and l.currency = t.currency and l.country = t.country and l.name = t.metadata->>'paymentLink'`);
  // Page views: about three visits per payment started, on the day of the payment.
  await db.execute(sql`
    insert into payment_link_views (link_id, day, views)
    select payment_link_id, (created_at at time zone 'UTC')::date, (count(*) * 3 + 1)::int
    from transactions where payment_link_id is not null
    group by 1, 2`);
  return groups.length;
}
