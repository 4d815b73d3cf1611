"use client";

import dynamic from "next/dynamic";
import { Plus } from "lucide-react";
import { FormDialog, FormLoading } from "@/components/ui/form-dialog";
import type { GenerateKeyFormProps } from "./generate-key-form";

/** The form (react-hook-form, the schema) loads when the dialog first opens, not with the page. */
const loadForm = () => import("./generate-key-form");
const GenerateKeyForm = dynamic(() => import("./generate-key-form").then((m) => m.GenerateKeyForm), { loading: FormLoading });

/** "+ Generate Key": the button and its dialog; the new key is shown once before the dialog closes. */
export function GenerateKeyDialog({ owners, currentUserId }: GenerateKeyFormProps) {
  return (
    <FormDialog<GenerateKeyFormProps>
      label="Generate Key"
      icon={<Plus aria-hidden />}
      contentClassName="sm:max-w-xl"
      Form={GenerateKeyForm}
      formProps={{ owners, currentUserId }}
      preload={loadForm}
    />
  );
}
