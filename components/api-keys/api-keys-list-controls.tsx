"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StandIn, useMenuOnDemand, useOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { SelectStandIn } from "@/components/ui/select-stand-in";
import { toast } from "@/components/ui/toaster";
import { LazyConfirmDialog, loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { useListUrl } from "@/components/data-table/use-list-url";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import type { KeyOwnerChoice } from "@/lib/api-keys/list-api-keys";
import { UNREACHABLE_MESSAGE } from "@/lib/client/run-action";
import { ALL_OWNERS, OWNER_SELECT_CLASS, OWNER_SELECT_ID, ownerFilterOf, ownerFilterParsers } from "./owner-filter";

/*
 * The client islands of the server-rendered API Keys list (api-keys-page.tsx renders the rows): the
 * owner filter and each row's actions. The owner select, the row menus and the dialogs load on
 * first use, not with the page (components/ui/on-demand.tsx); pointing at or focusing their button
 * starts the download. After a change the server renders the list again (router.refresh()).
 */

const loadOwnerSelect = () => import("./owner-select");
const OwnerSelect = dynamic(() => import("./owner-select"), { ssr: false, loading: StandIn });
const loadRowMenu = () => import("./key-row-menu");
const KeyRowMenu = dynamic(() => import("./key-row-menu"), { ssr: false, loading: StandIn });
const loadRollKeyDialog = () => import("./roll-key-dialog");
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((m) => m.RollKeyDialog), { ssr: false });
const loadKeyPermissionsDialog = () => import("./key-permissions-dialog");
const KeyPermissionsDialog = dynamic(() => import("./key-permissions-dialog").then((m) => m.KeyPermissionsDialog), { ssr: false });

/** Select keys that open a Radix Select from its trigger. */
const SELECT_OPEN_KEYS = ["Enter", " ", "ArrowDown", "ArrowUp"];

/**
 * The owner filter (`?owner=`; a change is a server navigation in the list's transition): until
 * first use a stand-in that looks like the select's trigger and has its role, name (the "Owner"
 * label) and text; a click or an opening key mounts the real select, open.
 */
export function OwnerFilter({ owners }: { owners: KeyOwnerChoice[] }) {
  const list = useListUrl({ parsers: ownerFilterParsers, filterKeys: ["owner"] });
  const owner = ownerFilterOf(list.state.owner);
  const select = useOnDemand(loadOwnerSelect);
  const knownOwner = owner === ALL_OWNERS || owner === "integrator" || owners.some((o) => o.userId === owner);
  // The trigger's text in the server HTML too (Radix fills SelectValue only once hydrated).
  const ownerLabel =
    owner === ALL_OWNERS ? "All" : owner === "integrator" ? "Integrator" : (owners.find((o) => o.userId === owner)?.email ?? "Unknown member");
  if (select.used) {
    return (
      <WithStandIn standIn={<OwnerSelectStandIn label={ownerLabel} tabIndex={-1} />}>
        <OwnerSelect
          owner={owner}
          owners={owners}
          ownerLabel={ownerLabel}
          knownOwner={knownOwner}
          onChange={(next) => list.setFilters({ owner: next })}
        />
      </WithStandIn>
    );
  }
  return (
    <OwnerSelectStandIn
      {...select.trigger}
      label={ownerLabel}
      onKeyDown={(e) => {
        if (!SELECT_OPEN_KEYS.includes(e.key)) return;
        e.preventDefault();
        select.use();
      }}
    />
  );
}

/** The select's closed look (components/ui/select-stand-in.tsx) with the owner's label. */
function OwnerSelectStandIn({ label, ...props }: { label: string } & React.ComponentProps<"button">) {
  return (
    <SelectStandIn
      id={OWNER_SELECT_ID}
      size="sm"
      className={OWNER_SELECT_CLASS}
      aria-controls={`${OWNER_SELECT_ID}-options`}
      data-slot="select-trigger"
      data-state="closed"
      {...props}
    >
      {label}
    </SelectStandIn>
  );
}

type KeyDialog = "roll" | "permissions" | "revoke" | null;

/**
 * A key row's "Actions for …": a stand-in button until first used, then the real menu
 * (key-row-menu.tsx), opened; and the dialogs it opens (Roll, Permissions, Revoke). `member`: a
 * user-bound key's member as the owners list has them (none when no longer active).
 */
export function KeyRowActions({ apiKey, member }: { apiKey: ApiKeyDto; member: KeyOwnerChoice | undefined }) {
  const router = useRouter();
  const menu = useMenuOnDemand(loadRowMenu);
  const [dialog, setDialog] = useState<KeyDialog>(null);
  const close = (open: boolean) => !open && setDialog(null);
  const label = `Actions for ${apiKey.name}`;

  const revoke = async () => {
    let message: string;
    try {
      const res = await revokeApiKeyAction({ keyId: apiKey.id });
      if (res.ok) {
        toast.success("Key revoked", { description: `${apiKey.name} no longer works.` });
        router.refresh();
        return;
      }
      message = res.error;
    } catch {
      message = UNREACHABLE_MESSAGE;
    }
    throw new Error(message);
  };

  const warm = () => {
    menu.trigger.onPointerEnter();
    void loadRollKeyDialog();
    void loadKeyPermissionsDialog();
    void loadConfirmDialog();
  };
  return (
    <>
      {menu.used ? (
        <WithStandIn standIn={<RowMenuButton label={label} tabIndex={-1} />}>
          <KeyRowMenu
            apiKey={apiKey}
            keyboard={menu.keyboard}
            onRoll={() => setDialog("roll")}
            onPermissions={() => setDialog("permissions")}
            onRevoke={() => setDialog("revoke")}
          />
        </WithStandIn>
      ) : (
        <RowMenuButton label={label} {...menu.trigger} onPointerEnter={warm} />
      )}
      {dialog === "roll" && <RollKeyDialog apiKey={apiKey} open onOpenChange={close} />}
      {dialog === "permissions" && <KeyPermissionsDialog apiKey={apiKey} member={member} open onOpenChange={close} />}
      {dialog === "revoke" && (
        <LazyConfirmDialog
          open
          onOpenChange={close}
          title={`Revoke ${apiKey.name}?`}
          description="Apps using it stop working immediately."
          confirmLabel="Revoke key"
          destructive
          onConfirm={revoke}
        />
      )}
    </>
  );
}

function RowMenuButton({ label, ...props }: { label: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} {...props}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
}
