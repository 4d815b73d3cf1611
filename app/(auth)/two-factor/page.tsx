import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/scope";
import { AuthCard } from "@/components/auth/auth-card";
import { TwoFactorRequired } from "@/components/auth/two-factor-required";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

/** Where requirePageScope sends a member whose organisation requires two-factor and who has none. */
export default async function TwoFactorRequiredPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  // Not required: nothing to do here. Required and already on: the page stays (it is where the
  // recovery codes are shown right after setup) and offers to continue.
  if (!user.twoFactorRequired) redirect("/");
  return (
    <AuthCard
      wide
      footer={false}
      eyebrow="Two-factor authentication"
      title="Set up two-factor authentication"
      description={`${user.organization} requires two-factor authentication for every member. Set it up to continue to the dashboard.`}
    >
      <TwoFactorRequired enabled={Boolean(user.twoFactorEnabled)} />
    </AuthCard>
  );
}
