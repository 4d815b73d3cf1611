import { cookies } from "next/headers";
import { requirePageScope } from "@/lib/auth/guard";
import { ScopeProvider, type ClientScope } from "@/components/shell/scope-context";
import { TimezoneProvider } from "@/components/shell/timezone";
import { TIMEZONE_COOKIE_NAME, timezoneModeOf } from "@/lib/client/timezone";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { TopBar } from "@/components/shell/top-bar";
import { DashboardProviders } from "@/components/shell/dashboard-providers";
import { ContextUrlSync } from "@/components/shell/context-url-sync";
import { CommandPalette } from "@/components/shell/command-palette";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const scope = await requirePageScope();
  const clientScope: ClientScope = {
    organization: scope.organization,
    name: scope.principal.name,
    email: scope.principal.email,
    role: scope.role,
    permissions: [...scope.permissions],
    environment: scope.environment,
    market: scope.market,
    markets: [...scope.markets],
    productionEnabled: scope.productionEnabled,
    timezone: scope.timezone,
  };
  const tzMode = timezoneModeOf((await cookies()).get(TIMEZONE_COOKIE_NAME)?.value);
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
                <ContextUrlSync />
                {children}
              </main>
            </div>
          </div>
          {/* Ctrl/⌘+K and the keyboard shortcuts, on every dashboard page. */}
          <CommandPalette />
        </TimezoneProvider>
      </ScopeProvider>
    </DashboardProviders>
  );
}
