"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { setTeamTwoFactor } from "@/lib/auth/account-actions";

/** users.manage (Owner, Admin): require two-factor of every member of the organisation. */
export function TeamTwoFactorSwitch({ required, ownTwoFactor }: { required: boolean; ownTwoFactor: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(required);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <Switch
          id="team-two-factor"
          checked={value}
          disabled={pending || (!value && !ownTwoFactor)}
          onCheckedChange={(checked) =>
            startTransition(async () => {
              setError(null);
              const res = await setTeamTwoFactor({ required: checked });
              if (!res.ok) return setError(res.error);
              setValue(res.data.required);
              toast.success(res.data.required ? "Two-factor is now required for every member." : "Two-factor is no longer required.");
              router.refresh();
            })
          }
        />
        <Label htmlFor="team-two-factor">Require two-factor authentication for every member</Label>
      </div>
      <p className="text-sm text-muted-foreground">
        Members without it are asked to set it up before they can use the dashboard.
        {!ownTwoFactor && !value && " Turn it on for your own account first."}
      </p>
      {error && (
        <p role="alert" className="text-sm text-destructive dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
