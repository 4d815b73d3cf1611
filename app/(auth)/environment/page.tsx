import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/scope";
import { EnvironmentGate } from "@/components/auth/environment-gate";

export const metadata: Metadata = { title: "Choose your environment" };

export default async function EnvironmentPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (user.twoFactorRequired && !user.twoFactorEnabled) redirect("/two-factor");
  return <EnvironmentGate productionEnabled={user.productionEnabled} />;
}
