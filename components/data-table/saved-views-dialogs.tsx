"use client";

import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { FormFooter } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/auth/guard";
import { createSavedViewAction, deleteSavedViewAction, updateSavedViewAction } from "@/lib/saved-views/actions";
import type { CreateSavedViewInput, UpdateSavedViewInput } from "@/lib/saved-views/schemas";
import type { SavedViewDto, SavedViewList } from "@/lib/saved-views/lists";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

// The schemas (and zod) load on first validation; each form starts the download when focused.
const createResolver = zodResolverOnDemand<CreateSavedViewInput>(() => import("@/lib/saved-views/schemas").then((m) => m.createSavedViewSchema));
const updateResolver = zodResolverOnDemand<UpdateSavedViewInput>(() => import("@/lib/saved-views/schemas").then((m) => m.updateSavedViewSchema));

/** Which dialog of the Views menu is open. */
export type SavedViewDialogState = { kind: "save" } | { kind: "rename"; view: SavedViewDto } | { kind: "delete"; view: SavedViewDto } | null;

interface Props {
  state: SavedViewDialogState;
  listId: SavedViewList;
  /** The list's current view keys, as a query string ("Save current view…"). */
  params: string;
  onClose(): void;
  /** After a change: refresh the menu. */
  onChanged(): void;
}

/** The Views menu's dialogs: save the current view, rename one, delete one. Loaded when one first opens. */
export function SavedViewDialog(props: Props) {
  const { state, onClose } = props;
  return (
    <Dialog open={state !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        {state?.kind === "save" && <SaveViewForm {...props} />}
        {state?.kind === "rename" && <RenameViewForm {...props} view={state.view} />}
        {state?.kind === "delete" && <DeleteView {...props} view={state.view} />}
      </DialogContent>
    </Dialog>
  );
}

/** A refused action: its name error under the name field, anything else as the form's error. */
function showErrors(res: Extract<ActionResult<unknown>, { ok: false }>, setNameError: (m: string) => void, setFormError: (m: string) => void) {
  const nameError = res.fieldErrors?.name?.[0];
  if (nameError) setNameError(nameError);
  else setFormError(res.error);
}

function SaveViewForm({ listId, params, onClose, onChanged }: Props) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateSavedViewInput>({
    resolver: createResolver,
    defaultValues: { list: listId, params, name: "", shared: false, makeDefault: false },
  });
  const submitting = form.formState.isSubmitting;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createSavedViewAction(values);
    if (!res.ok) return showErrors(res, (message) => form.setError("name", { message }), setFormError);
    toast.success(`View "${values.name.trim()}" saved`);
    onChanged();
    onClose();
  });
  return (
    <form onSubmit={submit} onFocus={createResolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Save current view</DialogTitle>
        <DialogDescription>The list&apos;s filters, sort and columns, under a name you pick them by.</DialogDescription>
      </DialogHeader>
      <FormField id="saved-view-name" label="View name" required error={form.formState.errors.name?.message}>
        <Input {...form.register("name")} autoComplete="off" autoFocus maxLength={60} />
      </FormField>
      <CheckboxField form={form} name="shared" label="Share with the team" hint="Every member who can see this list can use it." />
      <CheckboxField form={form} name="makeDefault" label="Use as my default view" hint="Opening this list without filters applies it." />
      <FormFooter error={formError} submitting={submitting} onCancel={onClose} submitLabel="Save view" />
    </form>
  );
}

function CheckboxField({
  form,
  name,
  label,
  hint,
}: {
  form: ReturnType<typeof useForm<CreateSavedViewInput>>;
  name: "shared" | "makeDefault";
  label: string;
  hint: string;
}) {
  const id = `saved-view-${name}`;
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <div className="flex items-start gap-3">
          <Checkbox id={id} aria-describedby={`${id}-hint`} checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} />
          <div className="grid gap-1">
            <Label htmlFor={id}>{label}</Label>
            <p id={`${id}-hint`} className="text-xs text-muted-foreground">
              {hint}
            </p>
          </div>
        </div>
      )}
    />
  );
}

function RenameViewForm({ listId, view, onClose, onChanged }: Props & { view: SavedViewDto }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UpdateSavedViewInput>({
    resolver: updateResolver,
    defaultValues: { list: listId, viewId: view.id, name: view.name },
  });
  const submitting = form.formState.isSubmitting;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await updateSavedViewAction(values);
    if (!res.ok) return showErrors(res, (message) => form.setError("name", { message }), setFormError);
    toast.success("View renamed");
    onChanged();
    onClose();
  });
  return (
    <form onSubmit={submit} onFocus={updateResolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Rename view</DialogTitle>
        <DialogDescription>{view.visibility === "shared" ? "The team sees the new name too." : "Only you see this view."}</DialogDescription>
      </DialogHeader>
      <FormField id="saved-view-rename" label="View name" required error={form.formState.errors.name?.message}>
        <Input {...form.register("name")} autoComplete="off" autoFocus maxLength={60} />
      </FormField>
      <FormFooter error={formError} submitting={submitting} onCancel={onClose} submitLabel="Rename" />
    </form>
  );
}

function DeleteView({ listId, view, onClose, onChanged }: Props & { view: SavedViewDto }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setPending(true);
    const res = await deleteSavedViewAction({ list: listId, viewId: view.id });
    setPending(false);
    if (!res.ok) return setError(res.error);
    toast.success(`View "${view.name}" deleted`);
    onChanged();
    onClose();
  };
  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Delete view</DialogTitle>
        <DialogDescription>
          Delete &ldquo;{view.name}&rdquo;?{view.visibility === "shared" ? " It is shared: the whole team loses it." : ""}
        </DialogDescription>
      </DialogHeader>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="button" variant="destructive" onClick={confirm} disabled={pending} aria-busy={pending}>
          {pending && <Spinner label="" />}
          Delete view
        </Button>
      </DialogFooter>
    </div>
  );
}
