"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { FormDialog, FormFooter, type FormDialogFormProps } from "@/components/ui/form-dialog";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { useScope } from "@/components/shell/scope-context";
import { setApiKeyPermissionsAction } from "@/lib/api-keys/actions";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import type { KeyOwnerChoice } from "@/lib/api-keys/list-api-keys";
import type { Permission } from "@/lib/auth/permissions";
import { UNREACHABLE_MESSAGE } from "@/lib/client/run-action";
import { PermissionCheckboxes } from "./permission-checkboxes";

export interface KeyPermissionsFormProps {
  apiKey: ApiKeyDto;
  /** The key's member as the owners list has them (their role's API permissions); none when no longer active. */
  member: KeyOwnerChoice | undefined;
}

/** "Permissions" of a user-bound key: what it may do, within its member's role. Controlled by the row menu. */
export function KeyPermissionsDialog({
  apiKey,
  member,
  open,
  onOpenChange,
}: KeyPermissionsFormProps & { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <FormDialog<KeyPermissionsFormProps>
      label="Permissions"
      Form={KeyPermissionsForm}
      formProps={{ apiKey, member }}
      contentClassName="sm:max-w-xl"
      open={open}
      onOpenChange={onOpenChange}
    />
  );
}

function KeyPermissionsForm({ apiKey, member, onBusy, onCancel, onDone }: KeyPermissionsFormProps & FormDialogFormProps) {
  const scope = useScope();
  const router = useRouter();
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [value, setValue] = useState<string[]>(() => (apiKey.permissions === "*" ? [] : [...apiKey.permissions]));
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const email = apiKey.owner.kind === "user" ? apiKey.owner.email : "";

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    onBusy(true);
    setFormError(null);
    setFieldError(undefined);
    let done = false;
    try {
      const res = await setApiKeyPermissionsAction({ keyId: apiKey.id, permissions: value as Permission[] });
      if (res.ok) {
        const n = res.data.permissions === "*" ? null : res.data.permissions.length;
        toast.success("Permissions saved", {
          description: n === null ? apiKey.name : `${apiKey.name}: ${n} permission${n === 1 ? "" : "s"}`,
        });
        router.refresh();
        done = true;
        return;
      }
      const message = res.fieldErrors?.permissions?.[0] ?? Object.entries(res.fieldErrors ?? {}).find(([k]) => k.startsWith("permissions"))?.[1][0];
      if (message) setFieldError(message);
      else setFormError(res.error);
    } catch {
      setFormError(UNREACHABLE_MESSAGE);
    } finally {
      setSubmitting(false);
      onBusy(false);
      if (done) onDone();
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Permissions for {apiKey.name}</DialogTitle>
        <DialogDescription>
          What this key may do through the API. It acts for {email || "its member"}: never beyond their role, even if it is changed later.
        </DialogDescription>
      </DialogHeader>
      {member ? (
        <PermissionCheckboxes
          idPrefix={`${idp}-perm`}
          allowed={member.permissions}
          held={scope.permissions}
          value={value}
          onChange={setValue}
          memberLabel={member.email}
          disabled={submitting}
          error={fieldError}
        />
      ) : (
        <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">
          {email || "This key's member"} is no longer an active member of the team: the key cannot be given permissions.
        </p>
      )}
      <FormFooter
        error={formError}
        submitting={submitting}
        onCancel={onCancel}
        submitLabel="Save permissions"
        busyLabel="Saving…"
        submitDisabled={!member}
      />
    </form>
  );
}
