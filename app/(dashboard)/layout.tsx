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
          {/* The first Tab stop: past the sidebar and the top bar to the page (WCAG 2.4.1). */}
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-background focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-foreground focus:shadow-lg focus:ring-2 focus:ring-ring focus:outline-none"
          >
            Skip to content
          </a>
          <div className="flex min-h-dvh">
            <AppSidebar />
            <div className="flex min-w-0 flex-1 flex-col">
              <TopBar />
              <main
                key={`${scope.environment}:${scope.market.country}:${scope.market.currency}`}
                id="main"
                tabIndex={-1}
                className="flex-1 p-4 outline-none sm:p-6 lg:p-8"
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
