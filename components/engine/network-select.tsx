"use client";

import type { FieldControlProps } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CALLING_CODES, networksOf } from "@/lib/engine/networks";

/** The national part of a phone placeholder per country ("7XX XXX XXX" in Kenya). */
const NATIONAL_PATTERN: Record<string, string> = {
  KE: "7XX XXX XXX",
  UG: "7XX XXX XXX",
  TZ: "7XX XXX XXX",
  RW: "7XX XXX XXX",
  ZM: "9X XXX XXXX",
  MW: "99X XXX XXX",
  ZA: "7X XXX XXXX",
  GH: "2X XXX XXXX",
  NG: "80X XXX XXXX",
  CM: "6XX XXX XXX",
  CI: "07 XX XX XX XX",
  SN: "7X XXX XX XX",
  CD: "8X XXX XXXX",
};

/** "+254 7XX XXX XXX": the calling code of the market's country and the shape of a mobile number. */
export function phonePlaceholder(country: string): string {
  const cc = CALLING_CODES[country];
  const national = NATIONAL_PATTERN[country] ?? "XXX XXX XXX";
  return cc ? `+${cc} ${national}` : national;
}

/**
 * The mobile network of a recipient, among the networks of the market's country. The dialogs put
 * the network detected from the typed number (or the chosen customer's) in `value`; the person may
 * pick another. "" shows `placeholder`. `control` is what FormField gives its child (id, aria-*),
 * so the field's label ("Network") names the combobox.
 */
export function NetworkSelect({
  country,
  value,
  onChange,
  control,
  placeholder = "Choose the network",
  disabled,
}: {
  country: string;
  value: string;
  onChange(network: string): void;
  control: FieldControlProps;
  placeholder?: string;
  disabled?: boolean;
}) {
  const networks = networksOf(country);
  return (
    <Select value={value} onValueChange={onChange} disabled={disabled || networks.length === 0}>
      <SelectTrigger {...control} className="w-full">
        <SelectValue placeholder={networks.length === 0 ? "No mobile networks in this country" : placeholder} />
      </SelectTrigger>
      <SelectContent>
        {networks.map((n) => (
          <SelectItem key={n} value={n}>
            {n}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
