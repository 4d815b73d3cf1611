import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ReferenceField, ReferenceOperation, ReferenceParameter } from "@/lib/api-v3/reference-view";
import { MethodBadge } from "./method-badge";
import { Code, exampleText, RichText } from "./rich-text";

/**
 * One operation: method, path and summary (the h3), what it needs (permission, rate tier), the
 * curl example with its copy button, then its parameters, body fields, response fields and error
 * statuses as tables. Rendered on the server; only the copy button is a client component.
 */
export function OperationCard({ op, curl }: { op: ReferenceOperation; curl: string }) {
  const titleId = `${op.id}-title`;
  return (
    <Card className="scroll-mt-20 gap-0 py-0" id={op.id} role="article" aria-labelledby={titleId}>
      <div className="grid gap-2 border-b px-5 py-4">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <MethodBadge method={op.method} />
          <code className="min-w-0 font-mono text-sm font-medium break-all">{op.path}</code>
        </div>
        <h3 id={titleId} className="text-base font-semibold">
          <span className="sr-only">
            {op.method} {op.path}:{" "}
          </span>
          {op.summary || `${op.method} ${op.path}`}
        </h3>
        {op.description && (
          <p className="text-sm text-muted-foreground">
            <RichText text={op.description} />
          </p>
        )}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Permission</dt>
            <dd>
              {!op.authenticated ? (
                "None (no key needed)"
              ) : op.permission ? (
                <code className="font-mono">{op.permission}</code>
              ) : (
                "Any valid key"
              )}
            </dd>
          </div>
          {op.rateTier && (
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Rate tier</dt>
              <dd>
                <span className="font-medium">{op.rateTier}</span>
                {op.rateLimit && <span className="text-muted-foreground"> ({op.rateLimit})</span>}
              </dd>
            </div>
          )}
          {op.signed && (
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Secure keys</dt>
              <dd>Signed request</dd>
            </div>
          )}
        </dl>
      </div>

      <div className="grid gap-6 px-5 py-5">
        <CurlBlock op={op} curl={curl} />

        {op.parameters.length > 0 && (
          <Section title="Parameters" id={`${op.id}-params`}>
            <ParametersTable params={op.parameters} labelledBy={`${op.id}-params`} />
          </Section>
        )}

        {op.body && (
          <Section title="Request body" id={`${op.id}-body`}>
            <p className="mb-2 text-xs text-muted-foreground">
              JSON{op.body.required ? ", required" : ""}
              {op.body.schemaName && (
                <>
                  {" "}
                  (<span className="font-mono">{op.body.schemaName}</span>)
                </>
              )}
              {op.body.description && <>: {op.body.description}</>}
            </p>
            {op.body.fields.length > 0 ? (
              <FieldsTable fields={op.body.fields} labelledBy={`${op.id}-body`} showRequired />
            ) : (
              <p className="text-sm text-muted-foreground">No fields.</p>
            )}
          </Section>
        )}

        {op.response && (
          <Section title={`Response ${op.response.status}`} id={`${op.id}-response`}>
            <p className="mb-2 text-xs text-muted-foreground">
              {op.response.enveloped ? (
                <>
                  <Code>{"{success: true, message, data}"}</Code>
                  {op.response.message && <> with message “{op.response.message}”</>}; <Code>data</Code> is{" "}
                  <DataTypeText type={op.response.dataType} />
                  {op.response.fields.length > 0 ? ":" : "."}
                </>
              ) : (
                <>
                  {op.response.description}
                  {op.response.fields.length > 0 ? " (not enveloped):" : "."}
                </>
              )}
            </p>
            {op.response.fields.length > 0 && (
              <FieldsTable fields={op.response.fields} labelledBy={`${op.id}-response`} />
            )}
          </Section>
        )}

        {op.errors.length > 0 && (
          <Section title="Errors" id={`${op.id}-errors`}>
            <Table aria-labelledby={`${op.id}-errors`}>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col" className="w-20">
                    Status
                  </TableHead>
                  <TableHead scope="col">When</TableHead>
                  <TableHead scope="col">Message</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {op.errors.map((e) => (
                  <TableRow key={e.status}>
                    <TableCell className="align-top font-mono">{e.status}</TableCell>
                    <TableCell className="align-top whitespace-normal">{e.description}</TableCell>
                    <TableCell className="align-top text-muted-foreground whitespace-normal">
                      {e.message ?? "—"}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        )}
      </div>
    </Card>
  );
}

/** "object[]" → "an array of objects", "object" → "an object", "string" → "a string". */
function DataTypeText({ type }: { type: string }) {
  if (type === "object[]") return <>an array of objects</>;
  const isArray = type.endsWith("[]");
  const item = isArray ? type.slice(0, -2) : type;
  const article = isArray ? "an array of" : /^[aeiou]/i.test(item) ? "an" : "a";
  return (
    <>
      {article} <span className="font-mono">{item}</span>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <h4 id={id} className="mb-2 text-sm font-semibold">
        {title}
      </h4>
      {children}
    </div>
  );
}

function CurlBlock({ op, curl }: { op: ReferenceOperation; curl: string }) {
  const labelId = `${op.id}-curl`;
  return (
    <div className="min-w-0">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h4 id={labelId} className="text-sm font-semibold">
          Example request
        </h4>
        <CopyButton value={curl} label={`curl for ${op.method} ${op.path}`} variant="outline" className="size-8" />
      </div>
      {/* Focusable: a long line scrolls sideways, and the keyboard must reach it. */}
      <pre tabIndex={0} className="overflow-x-auto rounded-md border bg-muted/60 p-3 font-mono text-xs leading-relaxed">
        <code>{curl}</code>
      </pre>
    </div>
  );
}

function ParametersTable({ params, labelledBy }: { params: ReferenceParameter[]; labelledBy: string }) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">In</TableHead>
          <TableHead scope="col">Type</TableHead>
          <TableHead scope="col">Description</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {params.map((p) => (
          <TableRow key={`${p.in}:${p.name}`}>
            <NameCell field={p} />
            <TableCell className="align-top text-muted-foreground">{p.in}</TableCell>
            <TableCell className="align-top font-mono text-xs">{p.type}</TableCell>
            <DescriptionCell field={p} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FieldsTable({
  fields,
  labelledBy,
  showRequired = false,
}: {
  fields: ReferenceField[];
  labelledBy: string;
  showRequired?: boolean;
}) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Field</TableHead>
          <TableHead scope="col">Type</TableHead>
          <TableHead scope="col">Description</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {fields.map((f) => (
          <TableRow key={f.name}>
            <NameCell field={f} showRequired={showRequired} />
            <TableCell className="align-top font-mono text-xs">{f.type}</TableCell>
            <DescriptionCell field={f} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function NameCell({ field, showRequired = true }: { field: ReferenceField; showRequired?: boolean }) {
  return (
    <TableCell className="align-top">
      <code className="font-mono text-xs font-medium">{field.name}</code>
      {showRequired && (
        <span className={field.required ? "block text-xs text-warning" : "block text-xs text-muted-foreground"}>
          {field.required ? "required" : "optional"}
        </span>
      )}
    </TableCell>
  );
}

function DescriptionCell({ field }: { field: ReferenceField }) {
  const enumValues = field.enumValues ?? [];
  return (
    <TableCell className="min-w-56 align-top whitespace-normal">
      <div className="grid gap-1 text-sm">
        {field.description ? (
          <span>
            <RichText text={field.description} />
          </span>
        ) : !enumValues.length && field.example === undefined && !field.children ? (
          <span className="text-muted-foreground">—</span>
        ) : null}
        {enumValues.length > 0 && (
          <span className="text-xs text-muted-foreground">
            One of:{" "}
            {enumValues.map((v, i) => (
              <span key={v}>
                {i > 0 && ", "}
                <code className="font-mono">{v}</code>
              </span>
            ))}
          </span>
        )}
        {field.children && (
          <span className="text-xs text-muted-foreground">
            Object with <code className="font-mono">{field.children.join(", ")}</code>
          </span>
        )}
        {field.example !== undefined && (
          <span className="text-xs text-muted-foreground">
            Example: <code className="font-mono break-all text-foreground">{exampleText(field.example)}</code>
          </span>
        )}
      </div>
    </TableCell>
  );
}
