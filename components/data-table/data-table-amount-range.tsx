"use client";

import dynamic from "next/dynamic";
import { Coins } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StandIn, useOnDemand, WithStandIn } from "@/components/ui/on-demand";

export interface AmountRangeProps {
  min: string | null;
  max: string | null;
  currency: string;
  onChange: (range: { min: string | null; max: string | null }) => void;
}

/** The amount filter's button: "Amount", or the range chosen. */
export function AmountRangeButton({ min, max, currency, ...props }: { min: string | null; max: string | null; currency: string } & React.ComponentProps<"button">) {
  const active = min || max;
  const text = active ? `${min ?? "0"} – ${max ?? "∞"} ${currency}` : "Amount";
  return (
    <Button
      variant="outline"
      size="sm"
      className="border-dashed"
      aria-label={active ? `Amount range: ${text}` : "Filter by amount"}
      aria-haspopup="dialog"
      aria-expanded={false}
      {...props}
    >
      <Coins aria-hidden /> {text}
    </Button>
  );
}

// The popover (Radix Popover, the form) loads on first use; until then its button stands in.
const loadPopup = () => import("./data-table-amount-range-popup");
const AmountRangePopup = dynamic(() => import("./data-table-amount-range-popup"), { ssr: false, loading: StandIn });

/** An amount range (in the market currency, as typed: "1,000.50"). */
export function DataTableAmountRange(props: AmountRangeProps) {
  const popup = useOnDemand(loadPopup);
  const button = <AmountRangeButton min={props.min} max={props.max} currency={props.currency} />;
  if (!popup.used) return <AmountRangeButton min={props.min} max={props.max} currency={props.currency} {...popup.trigger} />;
  return (
    <WithStandIn standIn={button}>
      <AmountRangePopup {...props} trigger={button} />
    </WithStandIn>
  );
}
