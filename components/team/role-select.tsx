"use client";

import type { FieldControlProps } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/**
 * A role picker for the team dialogs. `control` is what FormField passes its child
 * (id, aria-describedby, aria-invalid), so the label names the combobox.
 */
export function RoleSelect({
  roles,
  value,
  onChange,
  control,
}: {
  roles: readonly { id: string; name: string }[];
  value: string;
  onChange: (roleId: string) => void;
  control: FieldControlProps;
}) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger {...control} className="w-full">
        <SelectValue placeholder="Choose a role" />
      </SelectTrigger>
      <SelectContent>
        {roles.map((r) => (
          <SelectItem key={r.id} value={r.id}>
            {r.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
