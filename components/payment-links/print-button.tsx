"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** "Print": the browser's print dialog (the receipt page's print styles leave only the receipt). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button type="button" onClick={() => window.print()}>
      <Printer aria-hidden /> {label}
    </Button>
  );
}
