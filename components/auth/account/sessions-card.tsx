"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { signOutOtherSessions } from "@/lib/auth/account-actions";

export function SignOutOtherSessions() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const res = await signOutOtherSessions({});
          if (res.ok) toast.success("Every other session was signed out.");
          else toast.error(res.error);
        })
      }
    >
      {pending && <Spinner />}
      Sign out other sessions
    </Button>
  );
}
