"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { EnvironmentBadge, showContext } from "@/components/shell/context-selectors";
import { useScope } from "@/components/shell/scope-context";
import { selectContext } from "@/lib/auth/context-actions";

const LABEL = { sandbox: "Sandbox", production: "Production" } as const;

/**
 * The environment this session works in, and the switch to the other one: the same action as the
 * top bar's selector (and the gate after sign-in), remembered for next time. Production stays
 * locked until go-live is approved.
 */
export function EnvironmentChoice() {
  const scope = useScope();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const other = scope.environment === "production" ? "sandbox" : "production";
  const locked = other === "production" && !scope.productionEnabled;

  const switchTo = () =>
    startTransition(async () => {
      const result = await selectContext({ environment: other, remember: true });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      queryClient.removeQueries();
      showContext(router, result.data);
    });

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
