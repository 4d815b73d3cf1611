import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "API Keys" };

export default async function Page() {
  await requirePageScope("api_keys.manage");
  return <NotAvailable title="API Keys" description="Manage API keys and per-key permissions" />;
}
