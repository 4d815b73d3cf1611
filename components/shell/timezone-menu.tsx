"use client";

import type { TimezoneMode } from "@/lib/client/timezone";
import { DropdownMenu, DropdownMenuContent, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { TimezoneButton, useTimezone, utcOffsetLabel } from "./timezone";

/** The sidebar's timezone menu (Radix), loaded on its first opening: see TimezoneWidget. */
export default function TimezoneMenu({ defaultOpen }: { defaultOpen?: boolean }) {
  const { mode, setMode, integratorZone } = useTimezone();
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <TimezoneButton />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuRadioGroup value={mode} onValueChange={(v) => setMode(v as TimezoneMode)}>
          <DropdownMenuRadioItem value="integrator">
            {utcOffsetLabel(integratorZone)} {integratorZone.replace("/", " / ")}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="utc">+0 UTC</DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
