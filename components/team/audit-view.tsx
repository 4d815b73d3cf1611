"use client";

import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { ChevronLeft, ChevronRight, Download, ScrollText, X } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusPill } from "@/components/ui/status-pill";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PageHeader } from "@/components/shell/page-header";
import { useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { auditFiltersSchema, AUDIT_PAGE_SIZE } from "@/lib/audit/query";
import type { AuditRow } from "@/lib/audit/list-audit-logs";
import { cn } from "@/lib/utils";
import { fetchAudit, queryString, teamKey } from "./api";

const ALL = "all";

/** Plain-language names for the actions we know; anything else shows its code. */
export const ACTION_LABELS: Record<string, string> = {
  "access.denied": "Access denied",
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Sign-out",
  "auth.lockout": "Account locked (too many attempts)",
  "auth.otp_sent": "Reset code sent",
  "auth.otp_used": "Reset code used",
  "auth.password_changed": "Password changed",
  "auth.recovery_codes_regenerated": "Recovery codes regenerated",
  "auth.sessions_ended": "Other sessions signed out",
  "auth.two_factor_enabled": "Two-factor turned on",
  "auth.two_factor_disabled": "Two-factor turned off",
  "settings.two_factor_requirement": "Team two-factor requirement changed",
  "wallet.create": "Wallet created",
  "wallet.update": "Wallet updated",
  "wallet.lock": "Wallet locked",
  "wallet.unlock": "Wallet unlocked",
  "wallet.transfer_deposit": "Deposit balance transferred",
  "context.environment_switched": "Environment switched",
  "team.invite_sent": "Invite sent",
  "team.invite_resent": "Invite resent",
  "team.invite_revoked": "Invite revoked",
  "team.invite_accepted": "Invite accepted",
  "team.member_role_changed": "Role changed",
  "team.member_disabled": "Member disabled",
  "team.member_enabled": "Member re-enabled",
  "team.member_removed": "Member removed",
  "role.created": "Role created",
  "role.updated": "Role updated",
  "role.deleted": "Role deleted",
};

function details(row: AuditRow): string {
  const m = row.metadata;
  if (!m) return "";
  const parts: string[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    const value =
      typeof v === "object" && !Array.isArray(v) && "name" in (v as object)
        ? String((v as { name: unknown }).name)
        : Array.isArray(v)
          ? v.join(", ")
          : typeof v === "object"
            ? JSON.stringify(v)
            : String(v);
    parts.push(`${k}: ${value}`);
  }
  return parts.join(" · ");
}

export function AuditView({
  initial,
  initialFilters,
  facets,
}: {
  initial: { rows: AuditRow[]; nextCursor: number | null };
  initialFilters: Record<string, string | undefined>;
  facets: { actions: string[]; actors: string[] };
}) {
  const scopeKey = useScopeKey();
  const [filters, setFilters] = useQueryStates(
    {
      actor: parseAsString.withDefault(""),
      action: parseAsString.withDefault(""),
      outcome: parseAsString.withDefault(""),
      from: parseAsString.withDefault(""),
      to: parseAsString.withDefault(""),
    },
    { clearOnDefault: true },
  );
  // Older pages: a stack of cursors (reset whenever a filter changes).
  const [cursors, setCursors] = useState<number[]>([]);
  const filterKey = JSON.stringify(filters);
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    setLastFilterKey(filterKey);
    setCursors([]);
  }
  const before = cursors[cursors.length - 1];

  const clean = useMemo(() => {
    const raw = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
    const parsed = auditFiltersSchema.safeParse(raw);
    return { values: raw, error: parsed.success ? null : parsed.error.issues[0]!.message };
  }, [filters]);

  const isInitial =
    !before &&
    JSON.stringify(clean.values) ===
      JSON.stringify(Object.fromEntries(Object.entries(initialFilters).filter(([, v]) => v)));
  const query = useQuery({
    queryKey: teamKey(scopeKey, "audit", clean.values, before ?? null),
    queryFn: () => fetchAudit({ ...clean.values, before, limit: AUDIT_PAGE_SIZE }),
    initialData: isInitial ? initial : undefined,
    placeholderData: (prev) => prev,
    enabled: !clean.error,
  });
  const rows = query.data?.rows ?? [];
  const hasFilters = Object.keys(clean.values).length > 0;
  const set = (patch: Partial<Record<keyof typeof filters, string | null>>) => void setFilters(patch);

  return (
    <>
      <PageHeader
        title="Audit Log"
        description="Who did what, when and from where, across your organisation. Entries cannot be edited or deleted."
        actions={
          <a
            className={cn(buttonVariants({ variant: "outline" }), clean.error && "pointer-events-none opacity-50")}
            href={`/api/team/audit/export${queryString(clean.values)}`}
            download
          >
            <Download aria-hidden /> Export CSV
          </a>
        }
      />
      <Card>
        <CardContent className="grid gap-4">
          <div
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]"
            role="search"
            aria-label="Filter the audit log"
          >
            <div className="grid gap-1.5">
              <Label htmlFor="audit-actor">Actor</Label>
              <Select value={filters.actor || ALL} onValueChange={(v) => set({ actor: v === ALL ? null : v })}>
                <SelectTrigger id="audit-actor" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={ALL}>Everyone</SelectItem>
                  {facets.actors.map((a) => (
                    <SelectItem key={a} value={a}>
                      {a}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="audit-action">Action</Label>
              <Select value={filters.action || ALL} onValueChange={(v) => set({ action: v === ALL ? null : v })}>
                <SelectTrigger id="audit-action" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={ALL}>All actions</SelectItem>
                  {facets.actions.map((a) => (
                    <SelectItem key={a} value={a}>
                      {ACTION_LABELS[a] ?? a}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="audit-outcome">Outcome</Label>
              <Select value={filters.outcome || ALL} onValueChange={(v) => set({ outcome: v === ALL ? null : v })}>
                <SelectTrigger id="audit-outcome" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={ALL}>Any outcome</SelectItem>
                  <SelectItem value="success">Success</SelectItem>
                  <SelectItem value="failure">Failure</SelectItem>
                  <SelectItem value="denied">Denied</SelectItem>
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="audit-from">From</Label>
              <Input
                id="audit-from"
                type="date"
                value={filters.from}
                onChange={(e) => set({ from: e.target.value || null })}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="audit-to">To</Label>
              <Input
                id="audit-to"
                type="date"
                value={filters.to}
                onChange={(e) => set({ to: e.target.value || null })}
              />
            </div>
            <div className="flex items-end">
              <Button
                variant="ghost"
                disabled={!hasFilters}
                onClick={() => set({ actor: null, action: null, outcome: null, from: null, to: null })}
              >
                <X aria-hidden /> Clear
              </Button>
            </div>
          </div>
          {clean.error && (
            <p className="text-sm font-medium text-destructive dark:text-red-300" role="status">
              {clean.error}
            </p>
          )}

          {query.isError ? (
            <EmptyState title="Could not load the audit log" description={(query.error as Error).message} />
          ) : query.isPending && !clean.error ? (
            <div className="grid gap-2">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-10 w-full" />
              ))}
            </div>
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<ScrollText />}
              title="No entries"
              description={hasFilters ? "No entries match these filters." : "Nothing has been recorded yet."}
            />
          ) : (
            <Table aria-label="Audit log">
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Who</TableHead>
                  <TableHead>What</TableHead>
                  <TableHead>Target</TableHead>
                  <TableHead>Outcome</TableHead>
                  <TableHead>Where</TableHead>
                  <TableHead>Details</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} data-testid="audit-row" data-action={r.action}>
                    <TableCell className="align-top">
                      <Timestamp value={r.createdAt} />
                    </TableCell>
                    <TableCell className="align-top">
                      <span className="block font-medium">{r.actorName ?? r.actorEmail ?? "System"}</span>
                      {r.actorName && r.actorEmail && (
                        <span className="block text-xs text-muted-foreground">{r.actorEmail}</span>
                      )}
                    </TableCell>
                    <TableCell className="align-top">
                      <span className="block">{ACTION_LABELS[r.action] ?? r.action}</span>
                      <code className="text-xs text-muted-foreground">{r.action}</code>
                    </TableCell>
                    <TableCell className="align-top text-xs">
                      {r.targetType ? (
                        <>
                          <span className="block capitalize">{r.targetType}</span>
                          <code className="text-muted-foreground">{r.targetId}</code>
                        </>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                    <TableCell className="align-top">
                      <StatusPill status={r.outcome.toUpperCase()} />
                    </TableCell>
                    <TableCell className="align-top text-xs">
                      <span className="block tabular-nums">{r.ip ?? "—"}</span>
                      {r.environment && <span className="block text-muted-foreground capitalize">{r.environment}</span>}
                    </TableCell>
                    <TableCell className="max-w-xs align-top text-xs text-muted-foreground">
                      <span className="line-clamp-3 break-words" title={r.userAgent ?? undefined}>
                        {details(r) || "—"}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <nav className="flex items-center justify-between gap-2" aria-label="Audit log pages">
            <p className="text-sm text-muted-foreground">
              Page {cursors.length + 1}
              {rows.length ? ` · ${rows.length} entr${rows.length === 1 ? "y" : "ies"}` : ""}
            </p>
            <div className="flex gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={!cursors.length}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                <ChevronLeft aria-hidden /> Newer
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={!query.data?.nextCursor}
                onClick={() => query.data?.nextCursor && setCursors((c) => [...c, query.data!.nextCursor!])}
              >
                Older <ChevronRight aria-hidden />
              </Button>
            </div>
          </nav>
        </CardContent>
      </Card>
    </>
  );
}
