"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { warmUp } from "@/components/ui/on-demand";

const loadForm = () => import("./change-password-card");
const warmForm = warmUp(loadForm);
const ChangePasswordForm = dynamic(() => import("./change-password-card").then((m) => m.ChangePasswordForm), {
  ssr: false,
  loading: () => (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <Spinner label="" /> Loading…
    </p>
  ),
});

/**
 * The account page's password section: a "Change password" button that opens the form in place
 * (its code, react-hook-form included, loads when the button is pointed at or focused). Focus
 * goes back to the button when the form closes.
 */
export function ChangePassword() {
  const [open, setOpen] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  if (open) {
    return (
      <ChangePasswordForm
        onClose={() => {
          setOpen(false);
          setReturnFocus(true);
        }}
      />
    );
  }
  return (
    <Button
      variant="outline"
      autoFocus={returnFocus}
      onPointerEnter={warmForm}
      onFocus={warmForm}
      onClick={() => setOpen(true)}
    >
      Change password
    </Button>
  );
}
