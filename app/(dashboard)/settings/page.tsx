import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  await requirePageScope("settings.manage");
  return <NotAvailable title="Settings" description="Webhooks, account details and configuration" />;
}
