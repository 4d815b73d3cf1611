"use client";

import { useId, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { warmUp } from "@/components/ui/on-demand";
import { useCan } from "@/components/shell/scope-context";
import type { ApprovalThreshold } from "@/lib/engine/approval-thresholds";
import { formatMoney } from "@/lib/money";

// The form (react-hook-form) loads when "Edit thresholds" is pointed at or focused, not with the page.
const loadForm = () => import("./approval-threshold-form");
const warmForm = warmUp(loadForm);
const ThresholdsForm = dynamic(() => import("./approval-threshold-form").then((m) => m.ThresholdsForm), {
  ssr: false,
  loading: () => (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <Spinner label="" /> Loading…
    </p>
  ),
});

/**
 * "Payout approvals" (Wallets page, settings.manage): per currency, the amount from which a
 * payout waits for a second member, and "Edit thresholds", which opens the form in place. Focus
 * goes back to the button when it closes.
 */
export function ApprovalThresholdCard({ thresholds }: { thresholds: ApprovalThreshold[] }) {
  const canManage = useCan("settings.manage");
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  if (!canManage) return null;
  return (
    <Card role="region" aria-labelledby={titleId} className="mt-6">
      <CardHeader>
        <CardTitle id={titleId}>Payout approvals</CardTitle>
        <CardDescription>Payouts at or above the threshold wait for another member with the Approve permission.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {thresholds.length === 0 ? (
          <p className="text-sm text-muted-foreground">No currency is enabled for this environment.</p>
        ) : editing ? (
          <ThresholdsForm
            initial={thresholds}
            onClose={() => {
              setEditing(false);
              setReturnFocus(true);
            }}
          />
        ) : (
          <>
            <dl className="grid gap-3 text-sm sm:grid-cols-2 xl:grid-cols-3">
              {thresholds.map(({ currency, threshold }) => (
                <div key={currency} className="rounded-md border px-3 py-2">
                  <dt className="text-muted-foreground">Approval threshold ({currency})</dt>
                  <dd className="font-medium tabular-nums">
                    {threshold === null ? "Off: no payout waits" : `Payouts from ${formatMoney(threshold, currency)} wait`}
                  </dd>
                </div>
              ))}
            </dl>
            <Button variant="outline" autoFocus={returnFocus} onPointerEnter={warmForm} onFocus={warmForm} onClick={() => setEditing(true)}>
              <Pencil aria-hidden /> Edit thresholds
            </Button>
          </>
        )}
        <Button asChild variant="link" className="px-0">
          <Link href="/payouts/approvals">Payouts awaiting approval</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
