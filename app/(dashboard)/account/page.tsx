import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { can } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { getAccountOverview } from "@/lib/auth/account";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Timestamp } from "@/components/shell/timezone";
import { ChangePassword } from "@/components/auth/account/change-password";
import { TwoFactorSection } from "@/components/auth/account/two-factor-card";
import { EnvironmentPreference } from "@/components/auth/account/environment-card";
import { SignOutOtherSessions } from "@/components/auth/account/sessions-card";
import { TeamTwoFactorSwitch } from "@/components/auth/account/team-two-factor-card";

export const metadata: Metadata = { title: "Account & security" };

/** The signed-in user's own account: every role reaches it (no permission). */
export default async function AccountPage() {
  const scope = await requirePageScope();
  const overview = await getAccountOverview(await getDb(), scope);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title="Account & security" description="Your sign-in, two-factor authentication and default environment." />

      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{scope.principal.name}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd>{scope.principal.email}</dd>
            <dt className="text-muted-foreground">Organisation</dt>
            <dd>
              {scope.organization} · {scope.role}
            </dd>
            <dt className="text-muted-foreground">Last sign-in</dt>
            <dd>
              <Timestamp value={iso(overview.lastSignInAt)} />
            </dd>
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>
            {overview.passwordChangedAt ? (
              <>
                Last changed <Timestamp value={iso(overview.passwordChangedAt)} />. Changing it signs out your other sessions.
              </>
            ) : (
              "Changing it signs out your other sessions."
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePassword />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Two-factor authentication</CardTitle>
          <CardDescription>A code from an authenticator app at every sign-in, with ten one-time recovery codes.</CardDescription>
        </CardHeader>
        <CardContent>
          <TwoFactorSection
            enabledAt={iso(overview.twoFactorEnabledAt)}
            recoveryCodesLeft={overview.recoveryCodesLeft}
            requiredByTeam={overview.teamRequiresTwoFactor}
          />
        </CardContent>
      </Card>

      {can(scope, "users.manage") && (
        <Card>
          <CardHeader>
            <CardTitle>Team security</CardTitle>
            <CardDescription>Applies to everyone in {scope.organization}.</CardDescription>
          </CardHeader>
          <CardContent>
            <TeamTwoFactorSwitch required={overview.teamRequiresTwoFactor} ownTwoFactor={overview.twoFactorEnabledAt !== null} />
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Default environment</CardTitle>
          <CardDescription>Where the dashboard opens after you sign in. You can also switch from the top bar at any time.</CardDescription>
        </CardHeader>
        <CardContent>
          <EnvironmentPreference current={overview.preferredEnvironment} productionEnabled={scope.productionEnabled} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Sessions</CardTitle>
          <CardDescription>
            Sessions end after 30 minutes without activity and 12 hours after sign-in. Signed in somewhere else, on a shared computer?
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutOtherSessions />
        </CardContent>
      </Card>
    </div>
  );
}
