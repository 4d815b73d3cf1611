import { cookies } from "next/headers";
import { requirePageScope } from "@/lib/auth/guard";
import { ScopeProvider, type ClientScope } from "@/components/shell/scope-context";
import { TimezoneProvider, TIMEZONE_COOKIE } from "@/components/shell/timezone";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { TopBar } from "@/components/shell/top-bar";
import { DashboardProviders } from "@/components/shell/dashboard-providers";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const scope = await requirePageScope();
  const clientScope: ClientScope = {
    organization: scope.organization,
    name: scope.name,
    email: scope.email,
    role: scope.role,
    permissions: [...scope.permissions],
    environment: scope.environment,
    market: scope.market,
    markets: [...scope.markets],
    productionEnabled: scope.productionEnabled,
    timezone: scope.timezone,
  };
  const tzMode = (await cookies()).get(TIMEZONE_COOKIE)?.value === "utc" ? "utc" : "integrator";
  return (
    // Keyed by market + environment: switching remounts the pages' client state.
    <DashboardProviders>
      <ScopeProvider scope={clientScope}>
        <TimezoneProvider integratorZone={scope.timezone} initialMode={tzMode}>
          <div className="flex min-h-dvh">
            <AppSidebar />
            <div className="flex min-w-0 flex-1 flex-col">
              <TopBar />
              <main
                key={`${scope.environment}:${scope.market.country}:${scope.market.currency}`}
                className="flex-1 p-4 sm:p-6 lg:p-8"
              >
                {children}
              </main>
            </div>
          </div>
        </TimezoneProvider>
      </ScopeProvider>
    </DashboardProviders>
  );
}
