"use client";

import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { KeyOwnerChoice } from "@/lib/api-keys/list-api-keys";
import { ALL_OWNERS, OWNER_SELECT_CLASS, OWNER_SELECT_ID } from "./owner-filter";

export interface OwnerSelectProps {
  owner: string;
  owners: KeyOwnerChoice[];
  /** The trigger's text (also in the server HTML, through the stand-in). */
  ownerLabel: string;
  knownOwner: boolean;
  onChange(owner: string): void;
}

/** The API Keys owner filter. Loaded on first use (api-keys-list-controls.tsx shows a stand-in until then) and mounted open. */
export default function OwnerSelect({ owner, owners, ownerLabel, knownOwner, onChange }: OwnerSelectProps) {
  return (
    <Select value={owner} onValueChange={onChange} defaultOpen>
      <SelectTrigger id={OWNER_SELECT_ID} size="sm" className={OWNER_SELECT_CLASS}>
        <SelectValue>{ownerLabel}</SelectValue>
      </SelectTrigger>
      <SelectContent align="end">
        <SelectItem value={ALL_OWNERS}>All</SelectItem>
        <SelectItem value="integrator">Integrator</SelectItem>
        {(owners.length > 0 || !knownOwner) && <SelectSeparator />}
        {owners.map((o) => (
          <SelectItem key={o.userId} value={o.userId}>
            {o.email}
          </SelectItem>
        ))}
        {!knownOwner && <SelectItem value={owner}>Unknown member</SelectItem>}
      </SelectContent>
    </Select>
  );
}
