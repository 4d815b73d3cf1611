"use client";

import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { RoleSelect } from "./role-select";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useScope } from "@/components/shell/scope-context";
import { changeMemberRoleAction } from "@/lib/team/actions";
import type { RoleSummary } from "@/lib/team/roles-contract";
import type { TeamRow } from "@/lib/team/members-contract";
import { canGrant } from "./role-utils";

/**
 * What a role change does (lib/team/manage-member.ts bumps the member's session version): every
 * session of theirs ends at its next request, and the new role holds from their next sign-in.
 * The dialog and the toast say the same.
 */
export const ROLE_CHANGE_EFFECT = "They are signed out at their next request and get the new role when they sign in again.";

/** A member's "Change role" (their row's menu opens it; the row's next render has the new role). */
export function ChangeRoleDialog({
  open,
  member,
  roles,
  onOpenChange,
  onChanged,
}: {
  open: boolean;
  member: TeamRow;
  roles: RoleSummary[];
  onOpenChange(open: boolean): void;
  onChanged(): void;
}) {
  const scope = useScope();
  const [roleId, setRoleId] = useState(member.roleId);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each opening starts from the member's current role.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRoleId(member.roleId);
      setError(null);
    }
  }
  const grantable = roles.filter((r) => canGrant(r, scope.permissions) || r.id === member.roleId);

  const save = async () => {
    setPending(true);
    setError(null);
    const res = await changeMemberRoleAction({ memberId: member.id, roleId });
    setPending(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    toast.success(`${member.name ?? member.email} is now ${res.data.roleName}`, {
      description: ROLE_CHANGE_EFFECT,
    });
    onChanged();
    onOpenChange(false);
  };

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change role</DialogTitle>
          <DialogDescription>
            Choose the role of {member.name ?? member.email} ({member.email}). {ROLE_CHANGE_EFFECT}
          </DialogDescription>
        </DialogHeader>
        {error && (
          <Alert variant="destructive" data-testid="dialog-error">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <FormField id="member-role" label="Role">
          {(control) => <RoleSelect control={control} roles={grantable} value={roleId} onChange={setRoleId} />}
        </FormField>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={save} disabled={pending || !roleId || roleId === member.roleId}>
            {pending && <Spinner />}
            Save role
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
