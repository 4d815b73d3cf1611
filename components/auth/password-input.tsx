"use client";

import { useState } from "react";
import { Eye, EyeOff } from "lucide-react";
import { Input } from "@/components/ui/input";
import type { FieldControlProps } from "@/components/ui/form-field";

/** A password input with a show/hide toggle; spread FormField's control props and register() on it. */
export function PasswordInput({
  control,
  toggleLabel = "password",
  ...props
}: React.ComponentProps<typeof Input> & { control?: FieldControlProps; toggleLabel?: string }) {
  const [show, setShow] = useState(false);
  return (
    <div className="relative">
      <Input {...control} {...props} type={show ? "text" : "password"} className="pr-10" />
      <button
        type="button"
        onClick={() => setShow((s) => !s)}
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center text-muted-foreground hover:text-foreground"
        aria-label={show ? `Hide ${toggleLabel}` : `Show ${toggleLabel}`}
        aria-pressed={show}
      >
        {show ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
      </button>
    </div>
  );
}
