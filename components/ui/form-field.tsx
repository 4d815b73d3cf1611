import * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** Accessibility props a control inside a FormField should receive. */
type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

/** Ids used by FormField for a control with the given id. */
function fieldIds(id: string) {
  return { id, errorId: `${id}-error`, descriptionId: `${id}-description` };
}

/** Build id / aria-describedby / aria-invalid for a control, matching FormField's ids. */
function fieldControlProps(
  id: string,
  opts: { error?: React.ReactNode; description?: React.ReactNode } = {},
): FieldControlProps {
  const { errorId, descriptionId } = fieldIds(id);
  const describedBy = [
    opts.description ? descriptionId : null,
    opts.error ? errorId : null,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(opts.error ? { "aria-invalid": true as const } : {}),
  };
}

type FormFieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** id of the control; the label's htmlFor, and base for `${id}-error` / `${id}-description`. */
  id: string;
  label: React.ReactNode;
  error?: React.ReactNode;
  description?: React.ReactNode;
  required?: boolean;
  /**
   * The control. A render function receives the a11y props to spread on the control.
   * A single element child gets them merged in automatically (its own props win).
   */
  children: React.ReactNode | ((control: FieldControlProps) => React.ReactNode);
};

function FormField({
  id,
  label,
  error,
  description,
  required,
  className,
  children,
  ...props
}: FormFieldProps) {
  const { errorId, descriptionId } = fieldIds(id);
  const control = fieldControlProps(id, { error, description });

  let content: React.ReactNode;
  if (typeof children === "function") {
    content = children(control);
  } else if (React.isValidElement<Record<string, unknown>>(children)) {
    const own = children.props;
    const merged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(control)) {
      if (own[key] === undefined) merged[key] = value;
    }
    content = React.cloneElement(children, merged);
  } else {
    content = children;
  }

  return (
    <div
      data-slot="form-field"
      className={cn("ui-form-field", className)}
      {...props}
    >
      <Label htmlFor={id}>
        {label}
        {required ? (
          <span aria-hidden="true" className="ui-form-field-required">
            *
          </span>
        ) : null}
      </Label>
      {content}
      {description ? (
        <p id={descriptionId} className="ui-form-field-description">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="ui-form-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export {
  FormField,
  fieldControlProps,
  fieldIds,
  type FieldControlProps,
  type FormFieldProps,
};
