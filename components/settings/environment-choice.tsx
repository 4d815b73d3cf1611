"use client";

import { Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { EnvironmentBadge, useSwitchContext } from "@/components/shell/context-selectors";
import { useScope } from "@/components/shell/scope-context";

const LABEL = { sandbox: "Sandbox", production: "Production" } as const;

/**
 * The environment this session works in, and the switch to the other one: the same action as the
 * top bar's selector (and the gate after sign-in), remembered for next time. Production stays
 * locked until go-live is approved.
 */
export function EnvironmentChoice() {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const other = scope.environment === "production" ? "sandbox" : "production";
  const locked = other === "production" && !scope.productionEnabled;
  const switchTo = () => run({ environment: other, remember: true });

  return (
    <div className="flex flex-wrap items-center gap-3" aria-busy={pending || undefined}>
      <span className="inline-flex items-center gap-2 text-sm">
        <EnvironmentBadge environment={scope.environment} />
        <span>
          You are working in <strong>{LABEL[scope.environment]}</strong>.
        </span>
      </span>
      <Button variant="outline" size="sm" onClick={switchTo} disabled={pending || locked} title={locked ? "Production is locked until your go-live is approved." : undefined}>
        {pending ? <Spinner label="" /> : locked ? <Lock aria-hidden /> : null}
        Switch to {LABEL[other]}
      </Button>
      {locked && <p className="w-full text-xs text-muted-foreground">Production is locked until your go-live is approved.</p>}
    </div>
  );
}
