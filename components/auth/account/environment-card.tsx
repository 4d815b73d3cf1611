"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Lock } from "lucide-react";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { selectContext } from "@/lib/auth/context-actions";
import { showContext } from "@/components/shell/context-selectors";

/** The environment the dashboard opens in (the first-sign-in gate's choice), changeable here. */
export function EnvironmentPreference({ current, productionEnabled }: { current: "sandbox" | "production" | null; productionEnabled: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(current ?? "sandbox");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const choose = (environment: "sandbox" | "production") =>
    startTransition(async () => {
      setError(null);
      const previous = value;
      setValue(environment);
      const res = await selectContext({ environment, remember: true });
      if (!res.ok) {
        setValue(previous);
        return setError(res.error);
      }
      toast.success(`You're now in ${environment === "production" ? "Production" : "Sandbox"}.`);
      showContext(router, res.data);
    });
  return (
    <div className="space-y-3">
      <RadioGroup
        aria-label="Default environment"
        value={value}
        onValueChange={(v) => choose(v as "sandbox" | "production")}
        disabled={pending}
        className="grid gap-3 sm:grid-cols-2"
      >
        <Label htmlFor="env-sandbox" className="flex cursor-pointer items-start gap-3 rounded-lg border p-4 font-normal has-[[data-state=checked]]:border-primary">
          <RadioGroupItem id="env-sandbox" value="sandbox" aria-label="Sandbox" />
          <span>
            <span className="block font-medium">Sandbox</span>
            <span className="text-sm text-muted-foreground">Test environment for development and QA. No real money moves.</span>
          </span>
        </Label>
        <Label
          htmlFor="env-production"
          className="flex cursor-pointer items-start gap-3 rounded-lg border p-4 font-normal has-[[data-state=checked]]:border-primary has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60"
        >
          <RadioGroupItem id="env-production" value="production" aria-label="Production" disabled={!productionEnabled} />
          <span>
            <span className="flex items-center gap-1 font-medium">
              Production {!productionEnabled && <Lock className="size-3.5" aria-hidden />}
            </span>
            <span className="text-sm text-muted-foreground">
              {productionEnabled ? "Live environment for real users and transactions." : "Not enabled for your organisation yet. Request go-live from Settings."}
            </span>
          </span>
        </Label>
      </RadioGroup>
      {error && (
        <p role="alert" className="text-sm text-destructive dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
