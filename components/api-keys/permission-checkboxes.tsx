"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { PERMISSION_GROUPS } from "@/lib/auth/permissions";
import { API_KEY_PERMISSIONS } from "@/lib/api-keys/schemas";

const KEY_PERMISSIONS = new Set<string>(API_KEY_PERMISSIONS);

/**
 * A user-bound key's permissions: checkboxes grouped by area (labels from PERMISSION_GROUPS),
 * limited to what its member's role allows. What the editor does not hold cannot be granted (the
 * server refuses it too); a grant the member's role no longer allows can only be cleared.
 */
export function PermissionCheckboxes({
  idPrefix,
  allowed,
  held,
  value,
  onChange,
  memberLabel,
  disabled,
  error,
}: {
  idPrefix: string;
  /** The member's role's API permissions. */
  allowed: readonly string[];
  /** The editor's own permissions. */
  held: readonly string[];
  value: readonly string[];
  onChange(next: string[]): void;
  /** "amina@example.com": whose role limits the choice. */
  memberLabel: string;
  disabled?: boolean;
  error?: string;
}) {
  const allowedSet = new Set(allowed);
  const heldSet = new Set(held);
  const selected = new Set(value);
  const groups = PERMISSION_GROUPS.map((g) => ({
    area: g.area,
    items: Object.entries(g.permissions)
      .map(([verb, p]) => ({ verb, p: p as string }))
      .filter(({ p }) => KEY_PERMISSIONS.has(p) && (allowedSet.has(p) || selected.has(p))),
  })).filter((g) => g.items.length > 0);
  const grantable = groups.flatMap((g) => g.items.map((i) => i.p)).filter((p) => allowedSet.has(p) && heldSet.has(p));

  const toggle = (p: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(p);
    else next.delete(p);
    onChange([...next].sort());
  };

  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className="grid gap-3" disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">Permissions</legend>
      <div className="-mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">Limited to what {memberLabel}&apos;s role allows.</p>
        {groups.length > 0 && (
          <div className="flex gap-1">
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => onChange([...new Set([...value.filter((p) => allowedSet.has(p)), ...grantable])].sort())}
            >
              Select all
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => onChange([])}>
              Clear
            </Button>
          </div>
        )}
      </div>
      {groups.length === 0 ? (
        <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">
          {memberLabel}&apos;s role has no permission an API key can use.
        </p>
      ) : (
        <div className="divide-y rounded-md border">
          {groups.map((g) => (
            <div key={g.area} role="group" aria-label={g.area} className="grid gap-2 px-3 py-2 sm:grid-cols-[9rem_1fr] sm:items-center">
              <span className="text-sm font-medium" aria-hidden>
                {g.area}
              </span>
              <div className="flex flex-wrap gap-x-5 gap-y-2">
                {g.items.map(({ verb, p }) => {
                  const id = `${idPrefix}-${p.replace(/[^a-z0-9]/gi, "-")}`;
                  const checked = selected.has(p);
                  const notInRole = !allowedSet.has(p);
                  const notHeld = !heldSet.has(p);
                  const locked = !checked && (notInRole || notHeld);
                  const why = notInRole ? `Not in ${memberLabel}'s role: clear it` : notHeld ? "You cannot grant a permission you do not hold" : p;
                  return (
                    <div key={p} className="flex items-center gap-2" title={why}>
                      <Checkbox
                        id={id}
                        aria-label={`${g.area} ${verb}`}
                        checked={checked}
                        disabled={disabled || locked}
                        onCheckedChange={(v) => toggle(p, v === true)}
                      />
                      <Label htmlFor={id} className="font-normal capitalize">
                        {verb}
                        {notInRole && <span className="text-xs text-warning normal-case">(not in role)</span>}
                      </Label>
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-destructive dark:text-red-300">
          {error}
        </p>
      )}
    </fieldset>
  );
}
