import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { ApiKeysList } from "@/components/api-keys/api-keys-page";

export const metadata: Metadata = { title: "API Keys" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("api_keys.manage");
  return <ApiKeysList scope={scope} searchParams={searchParams} />;
}
