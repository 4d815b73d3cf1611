"use client";

import type { TeamRow } from "@/lib/team/list-members";
import type { RoleSummary } from "@/lib/team/list-roles";
import type { AuditRow } from "@/lib/audit/list-audit-logs";
import type { ActionResult } from "@/lib/auth/guard";

/** GET a JSON route; a non-2xx answer throws its `message`. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body as { message?: string } | null)?.message ?? `Request failed (${res.status})`);
  return body as T;
}

export function queryString(params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export type MembersFilters = { q?: string; roleId?: string; status?: string };

export function teamKey(scopeKey: readonly string[], ...rest: unknown[]) {
  return [...scopeKey, "team", ...rest] as const;
}

export const fetchMembers = (f: MembersFilters) =>
  fetchJson<{ rows: TeamRow[] }>(`/api/team/members${queryString(f)}`).then((r) => r.rows);
export const fetchRoles = () => fetchJson<{ roles: RoleSummary[] }>("/api/team/roles").then((r) => r.roles);
export const fetchAudit = (f: Record<string, string | number | undefined>) =>
  fetchJson<{ rows: AuditRow[]; nextCursor: number | null }>(`/api/team/audit${queryString(f)}`);

/** Unwraps an action result: the data, or throws its message (for toasts / form errors). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}
export async function run<T>(p: Promise<ActionResult<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new ActionError(r.error, r.fieldErrors);
  return r.data;
}
