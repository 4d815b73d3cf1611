/**
 * The API reference page's view model, read from our OpenAPI document (openapi.ts): the tags in
 * the document's order, each operation with its permission and rate tier (the `x-permission` /
 * `x-rate-tier` extensions; the description's "Permission: … Rate limit tier: …" paragraph as a
 * fallback), its path and query parameters, the request body's fields (one level deep: a nested
 * object is summarised by its field names), the success response's data fields and the documented
 * error statuses; and `curlExample`, a copyable request built from the schemas' examples.
 * Pure and serialisable: the server page builds it, client components only read it.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ReferenceField {
  name: string;
  /** "string", "integer", "string (date-time)", "object", "object[]", "map of object", `"SUCCESS"` (a constant)… */
  type: string;
  required: boolean;
  /** "" when the document has none. */
  description: string;
  /** The schema's example, else its default. */
  example?: JsonValue;
  /** The allowed values of an enum. */
  enumValues?: string[];
  /** A nested object's (or object array's) field names: summarised, not expanded. */
  children?: string[];
}

export interface ReferenceParameter extends ReferenceField {
  in: "path" | "query" | "header";
}

export interface ReferenceBody {
  required: boolean;
  /** The component's name ("CreateDepositDto"), when the body is one. */
  schemaName: string | null;
  description: string;
  fields: ReferenceField[];
  /** What the curl example sends: the required fields (else the first one with an example), from their examples. */
  example: JsonValue;
}

export interface ReferenceResponse {
  status: string;
  description: string;
  /** The envelope's `message` example ("Deposit has been successfully created."). */
  message: string | null;
  /** Wrapped in `{success, message, data}`: `fields` are then the fields of `data`. */
  enveloped: boolean;
  /** The type of `data` (or of the whole body when not enveloped): "object", "object[]"… */
  dataType: string;
  fields: ReferenceField[];
}

export interface ReferenceError {
  status: string;
  description: string;
  /** The documented `message`, when there is an example of it. */
  message: string | null;
}

export interface ReferenceOperation {
  /** The anchor on the page: `op-<operationId>` (unique). */
  id: string;
  operationId: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  /** Without the permission/tier paragraph (shown on its own). */
  description: string;
  /** Needs `Authorization: Bearer <key>` (false: /health). */
  authenticated: boolean;
  /** The permission the key needs; null: any valid key (or none, when not authenticated). */
  permission: string | null;
  rateTier: string | null;
  /** The tier's windows: "60 per 60 s, 20 per 5 s". */
  rateLimit: string | null;
  /** Path and query parameters, then headers other than the secure-mode signature's (idempotency-key). */
  parameters: ReferenceParameter[];
  /** Accepts (secure keys: requires) the x-timestamp / x-nonce / x-signature headers. */
  signed: boolean;
  body: ReferenceBody | null;
  response: ReferenceResponse | null;
  errors: ReferenceError[];
}

export interface ReferenceTag {
  name: string;
  /** The anchor on the page: `tag-<slug>`. */
  id: string;
  operations: ReferenceOperation[];
}

export interface ReferenceView {
  title: string;
  version: string;
  description: string;
  tags: ReferenceTag[];
  /** Every rate tier the operations use, with its windows, in order of first use. */
  rateTiers: { tier: string; limit: string }[];
}

/** The secure-mode signature headers: explained once in the intro, not on every operation. */
export const SIGNATURE_HEADERS = ["x-timestamp", "x-nonce", "x-signature"] as const;

/** What the curl examples use for the key: a shell variable, expanded by the shell. */
export const DEFAULT_KEY_PLACEHOLDER = "$KOTANI_API_KEY";

// ---------------------------------------------------------------------------------------------
// Reading the document
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

/** The parts of an OpenAPI 3.x document read here (zod-openapi's `createDocument` result fits). */
export interface OpenApiDocumentLike {
  info?: unknown;
  paths?: unknown;
  components?: unknown;
  security?: unknown;
}

const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const MAX_DEPTH = 8;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const asJson = (v: unknown): JsonValue | undefined =>
  v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as JsonValue);

class SchemaReader {
  constructor(private readonly schemas: Obj) {}

  /** The schema behind a `$ref` (followed a few times), with the component's name. */
  resolve(schema: unknown): { schema: Obj; name: string | null } {
    let current = schema;
    let name: string | null = null;
    for (let i = 0; i < MAX_DEPTH && isObj(current) && typeof current.$ref === "string"; i++) {
      const ref = current.$ref;
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      if (!m) break;
      name = decodeURIComponent(m[1]!.replace(/~1/g, "/").replace(/~0/g, "~"));
      current = this.schemas[name];
    }
    return { schema: isObj(current) ? current : {}, name };
  }

  /** The object's properties and required list, merging an allOf. */
  private shape(schema: Obj, depth = 0): { properties: Obj; required: Set<string> } {
    const properties: Obj = {};
    const required = new Set<string>();
    if (depth > MAX_DEPTH) return { properties, required };
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) {
        const sub = this.shape(this.resolve(part).schema, depth + 1);
        Object.assign(properties, sub.properties);
        sub.required.forEach((r) => required.add(r));
      }
    }
    if (isObj(schema.properties)) Object.assign(properties, schema.properties);
    if (Array.isArray(schema.required)) schema.required.forEach((r) => typeof r === "string" && required.add(r));
    return { properties, required };
  }

  isObject(schema: Obj): boolean {
    return schema.type === "object" || isObj(schema.properties) || Array.isArray(schema.allOf);
  }

  /** The fields of an object schema, one level deep. */
  fields(schema: unknown): ReferenceField[] {
    const resolved = this.resolve(schema).schema;
    const { properties, required } = this.shape(resolved);
    return Object.entries(properties).map(([name, prop]) => this.field(name, prop, required.has(name)));
  }

  field(name: string, prop: unknown, required: boolean): ReferenceField {
    const { schema } = this.resolve(prop);
    const field: ReferenceField = {
      name,
      type: this.typeOf(schema),
      required,
      description: str(isObj(prop) ? (prop.description ?? schema.description) : schema.description),
    };
    const example = this.exampleOf(schema) ?? (isObj(prop) ? asJson(prop.example) : undefined);
    if (example !== undefined) field.example = example;
    const enumValues = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined;
    if (enumValues?.length) field.enumValues = enumValues;
    const nested = schema.type === "array" ? this.resolve(schema.items).schema : schema;
    if (this.isObject(nested)) {
      const children = Object.keys(this.shape(nested).properties);
      if (children.length) field.children = children;
    }
    return field;
  }

  /** The schema's example, else its default, else its constant. */
  exampleOf(schema: Obj): JsonValue | undefined {
    if (schema.example !== undefined) return asJson(schema.example);
    if (Array.isArray(schema.examples) && schema.examples.length) return asJson(schema.examples[0]);
    if (schema.default !== undefined) return asJson(schema.default);
    if (schema.const !== undefined) return asJson(schema.const);
    return undefined;
  }

  /** A short, readable type: "string", "string (date-time)", "object[]", "map of object", "string | null". */
  typeOf(schemaIn: unknown, depth = 0): string {
    const { schema } = this.resolve(schemaIn);
    if (depth > MAX_DEPTH) return "any";
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    const union = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as
      unknown[] | null;
    if (union) return [...new Set(union.map((s) => this.typeOf(s, depth + 1)))].join(" | ");
    const types = Array.isArray(schema.type)
      ? schema.type.map(String)
      : typeof schema.type === "string"
        ? [schema.type]
        : [];
    if (types.length > 1) return types.map((t) => this.typeOf({ ...schema, type: t }, depth + 1)).join(" | ");
    const type = types[0] ?? (this.isObject(schema) ? "object" : "");
    switch (type) {
      case "array":
        return `${this.typeOf(schema.items, depth + 1)}[]`;
      case "object": {
        const hasProps = Object.keys(this.shape(schema).properties).length > 0;
        if (!hasProps && isObj(schema.additionalProperties) && Object.keys(schema.additionalProperties).length) {
          return `map of ${this.typeOf(schema.additionalProperties, depth + 1)}`;
        }
        return "object";
      }
      case "":
        return "any";
      default:
        return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
    }
  }

  /** A value for the curl example: the example, default or first enum value, else one by type. */
  sampleOf(schemaIn: unknown, name: string, depth = 0): JsonValue {
    const { schema } = this.resolve(schemaIn);
    const example = this.exampleOf(schema);
    if (example !== undefined) return example;
    if (Array.isArray(schema.enum) && schema.enum.length) return asJson(schema.enum[0]) ?? null;
    const union = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as
      unknown[] | null;
    if (union?.length && depth < MAX_DEPTH) return this.sampleOf(union[0], name, depth + 1);
    const type = Array.isArray(schema.type) ? String(schema.type.find((t) => t !== "null") ?? "") : str(schema.type);
    switch (type) {
      case "integer":
        return 1;
      case "number":
        return 0;
      case "boolean":
        return true;
      case "array":
        return [];
      case "null":
        return null;
      case "string":
        if (schema.format === "date-time") return "2026-01-01T00:00:00Z";
        if (schema.format === "date") return "2026-01-01";
        return `<${name}>`;
      default:
        if (this.isObject(schema) && depth < MAX_DEPTH) return this.objectSample(schema, depth + 1);
        return `<${name}>`;
    }
  }

  /** An object's example: its required fields; with none required, the first field with an example (not a mere default), else the first field. */
  objectSample(schemaIn: unknown, depth = 0): JsonValue {
    const { schema } = this.resolve(schemaIn);
    const whole = this.exampleOf(schema);
    if (isObj(whole)) return whole;
    const { properties, required } = this.shape(schema);
    const entries = Object.entries(properties);
    let chosen = entries.filter(([name]) => required.has(name));
    if (!chosen.length) {
      const hasExample = ([, prop]: [string, unknown]) => {
        const { schema: s } = this.resolve(prop);
        return s.example !== undefined || (Array.isArray(s.examples) && s.examples.length > 0);
      };
      const withExample = entries.find(hasExample);
      chosen = withExample ? [withExample] : entries.slice(0, 1);
    }
    return Object.fromEntries(chosen.map(([name, prop]) => [name, this.sampleOf(prop, name, depth + 1)]));
  }
}

/** "MOBILE MONEY DEPOSIT" → "mobile-money-deposit". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "x"
  );
}

const POLICY_LINE = /(?:^|\n)\s*Permission: ([^\n]*?)\. Rate limit tier: (\w+)(?: \(([^)\n]*)\))?\.?\s*$/;

/** The description without openapi.ts's "Permission: … Rate limit tier: …" paragraph, and what that paragraph says. */
function splitDescription(description: string): { text: string; permission?: string; tier?: string; limit?: string } {
  const m = POLICY_LINE.exec(description);
  if (!m) return { text: description.trim() };
  return { text: description.slice(0, m.index).trim(), permission: m[1], tier: m[2], limit: m[3] };
}

function jsonContent(holder: unknown): Obj | null {
  if (!isObj(holder) || !isObj(holder.content)) return null;
  const content = holder.content;
  const media = content["application/json"] ?? Object.values(content)[0];
  return isObj(media) ? media : null;
}

/** Turns the OpenAPI document into the reference page's view model. */
export function buildReferenceView(doc: OpenApiDocumentLike): ReferenceView {
  const components = isObj(doc.components) ? doc.components : {};
  const reader = new SchemaReader(isObj(components.schemas) ? components.schemas : {});
  const info = isObj(doc.info) ? doc.info : {};
  const docSecurity = Array.isArray(doc.security) ? doc.security : [];
  const tags = new Map<string, ReferenceTag>();
  const rateTiers = new Map<string, string>();
  const usedIds = new Set<string>();

  const paths = isObj(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (!isObj(op)) continue;
      const operation = readOperation(reader, path, method, op, shared, docSecurity);
      let id = operation.id;
      for (let n = 2; usedIds.has(id); n++) id = `${operation.id}-${n}`;
      usedIds.add(id);
      operation.id = id;
      if (operation.rateTier && operation.rateLimit && !rateTiers.has(operation.rateTier)) {
        rateTiers.set(operation.rateTier, operation.rateLimit);
      }
      let tag = tags.get(operation.tag);
      if (!tag) {
        tag = { name: operation.tag, id: `tag-${slug(operation.tag)}`, operations: [] };
        tags.set(operation.tag, tag);
      }
      tag.operations.push(operation);
    }
  }

  return {
    title: str(info.title),
    version: str(info.version),
    description: str(info.description),
    tags: [...tags.values()],
    rateTiers: [...rateTiers].map(([tier, limit]) => ({ tier, limit })),
  };
}

function readOperation(
  reader: SchemaReader,
  path: string,
  method: HttpMethod,
  op: Obj,
  shared: unknown[],
  docSecurity: unknown[],
): ReferenceOperation {
  const operationId = str(op.operationId) || `${method.toLowerCase()}-${slug(path)}`;
  const { text, permission: permText, tier: tierText, limit: limitText } = splitDescription(str(op.description));
  const security = Array.isArray(op.security) ? op.security : docSecurity;
  const authenticated = security.some((req) => isObj(req) && Object.keys(req).length > 0);

  // Parameters: the operation's override the path item's of the same name and place.
  const byKey = new Map<string, Obj>();
  for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
    const p = isObj(raw) && typeof raw.$ref !== "string" ? raw : null;
    if (p && typeof p.name === "string" && typeof p.in === "string") byKey.set(`${p.in}:${p.name}`, p);
  }
  const all = [...byKey.values()];
  const signed = all.some(
    (p) => p.in === "header" && (SIGNATURE_HEADERS as readonly string[]).includes(str(p.name).toLowerCase()),
  );
  const order = { path: 0, query: 1, header: 2 } as const;
  const parameters: ReferenceParameter[] = all
    .filter(
      (p): p is Obj & { in: ReferenceParameter["in"] } => p.in === "path" || p.in === "query" || p.in === "header",
    )
    .filter((p) => !(p.in === "header" && (SIGNATURE_HEADERS as readonly string[]).includes(str(p.name).toLowerCase())))
    .sort((a, b) => order[a.in] - order[b.in])
    .map((p) => {
      const field = reader.field(str(p.name), p.schema, p.in === "path" || p.required === true);
      if (p.description) field.description = str(p.description);
      if (p.example !== undefined) field.example = asJson(p.example);
      return { ...field, in: p.in };
    });

  // Request body.
  let body: ReferenceBody | null = null;
  const requestBody = isObj(op.requestBody) ? op.requestBody : null;
  const bodyMedia = jsonContent(requestBody);
  if (requestBody && bodyMedia) {
    const { schema, name } = reader.resolve(bodyMedia.schema);
    const isObject = reader.isObject(schema);
    const mediaExample = asJson(bodyMedia.example);
    body = {
      required: requestBody.required === true,
      schemaName: name,
      description: str(requestBody.description) || str(schema.description),
      fields: isObject ? reader.fields(schema) : [],
      example: mediaExample ?? (isObject ? reader.objectSample(schema) : reader.sampleOf(schema, "body")),
    };
  }

  // Responses: the first 2xx is the success; the other statuses are the errors.
  const responses = isObj(op.responses) ? op.responses : {};
  const statuses = Object.keys(responses).sort();
  let response: ReferenceResponse | null = null;
  const errors: ReferenceError[] = [];
  for (const status of statuses) {
    const res = isObj(responses[status]) ? (responses[status] as Obj) : {};
    const media = jsonContent(res);
    const { schema } = reader.resolve(media?.schema);
    const props = isObj(schema.properties) ? schema.properties : {};
    const exampleMessage = isObj(media?.example) ? (media.example as Obj).message : undefined;
    const schemaMessage = isObj(props.message) ? reader.resolve(props.message).schema.example : undefined;
    const message =
      typeof exampleMessage === "string" ? exampleMessage : typeof schemaMessage === "string" ? schemaMessage : null;
    if (/^2\d\d$/.test(status) && !response) {
      const enveloped = "success" in props && "data" in props;
      const data = enveloped ? props.data : media?.schema;
      const resolvedData = reader.resolve(data).schema;
      const objectSchema = resolvedData.type === "array" ? reader.resolve(resolvedData.items).schema : resolvedData;
      response = {
        status,
        description: str(res.description),
        message: enveloped ? message : null,
        enveloped,
        dataType: media ? reader.typeOf(data) : "empty",
        fields: media && reader.isObject(objectSchema) ? reader.fields(objectSchema) : [],
      };
    } else if (!/^2\d\d$/.test(status)) {
      errors.push({ status, description: str(res.description), message });
    }
  }

  const xPermission = op["x-permission"];
  const permission =
    typeof xPermission === "string"
      ? xPermission
      : xPermission === null || !permText || /^any\b/i.test(permText)
        ? null
        : permText;
  const rateTier = str(op["x-rate-tier"]) || tierText || null;
  const rateLimit =
    (rateTier && limitText && (!tierText || tierText === rateTier) ? limitText : null) ??
    (rateTier ? tierLimitFrom429(errors, rateTier) : null);

  return {
    id: `op-${operationId.replace(/[^A-Za-z0-9_-]+/g, "-")}`,
    operationId,
    method,
    path,
    tag: Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "Other",
    summary: str(op.summary),
    description: text,
    authenticated,
    permission: authenticated ? permission : null,
    rateTier,
    rateLimit,
    parameters,
    signed,
    body,
    response,
    errors,
  };
}

/** "Rate limited (money tier: 60 per 60 s, 20 per 5 s)" → "60 per 60 s, 20 per 5 s". */
function tierLimitFrom429(errors: ReferenceError[], tier: string): string | null {
  const desc = errors.find((e) => e.status === "429")?.description ?? "";
  const m = /\((\w+) tier: ([^)]+)\)/.exec(desc);
  return m && m[1] === tier ? m[2]! : null;
}

// ---------------------------------------------------------------------------------------------
// curl
// ---------------------------------------------------------------------------------------------

/** One shell word in single quotes: safe for any text (a `'` becomes `'\''`). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text inside double quotes: `\`, `"`, `$` and backquote escaped (nothing expands). */
function doubleQuoted(text: string): string {
  return text.replace(/[\\"$`]/g, (c) => `\\${c}`);
}

/** encodeURIComponent, and the few characters it leaves that a shell or curl could mind. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const scalarText = (v: JsonValue | undefined): string | null =>
  v === undefined || v === null || typeof v === "object" ? null : String(v);

/**
 * A copyable curl command for the operation against `baseUrl`:
 *
 *     curl -s -X POST "https://…/api/v3/deposit/mobile-money" \
 *       -H "Authorization: Bearer $KOTANI_API_KEY" \
 *       -H "Content-Type: application/json" \
 *       -d '{"customer_key":"…","amount":1000,"wallet_id":"…"}'
 *
 * Path parameters take their examples (else a `{name}` placeholder, with `-g` so curl does not
 * read the braces as a glob); query parameters that are required or have an example are added.
 * GET has no `-X`; an operation without security (/health) no Authorization header. The key
 * placeholder is put inside double quotes: a shell variable (`$KOTANI_API_KEY`) expands, anything
 * else is taken literally. The body is single-quoted, so no example value can break out.
 */
export function curlExample(
  op: ReferenceOperation,
  baseUrl: string,
  keyPlaceholder: string = DEFAULT_KEY_PLACEHOLDER,
): string {
  let placeholder = false;
  let path = op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const param = op.parameters.find((p) => p.in === "path" && p.name === name);
    const value = scalarText(param?.example);
    if (value === null || value === "") {
      placeholder = true;
      return whole;
    }
    return encodeSegment(value);
  });
  const query = op.parameters
    .filter((p) => p.in === "query")
    .flatMap((p) => {
      const value = scalarText(p.example);
      if (value !== null) return [`${encodeSegment(p.name)}=${encodeSegment(value)}`];
      if (!p.required) return [];
      placeholder = true;
      return [`${encodeSegment(p.name)}={${encodeSegment(p.name)}}`];
    });
  if (query.length) path += `?${query.join("&")}`;
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;

  const first = ["curl -s"];
  if (op.method !== "GET") first.push(`-X ${op.method}`);
  if (placeholder) first.push("-g");
  first.push(`"${doubleQuoted(url)}"`);

  const lines = [first.join(" ")];
  if (op.authenticated) {
    const key = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(keyPlaceholder)
      ? keyPlaceholder
      : doubleQuoted(keyPlaceholder);
    lines.push(`-H "Authorization: Bearer ${key}"`);
  }
  if (op.body && op.method !== "GET") {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(op.body.example))}`);
  }
  return lines.join(" \\\n  ");
}

// ---------------------------------------------------------------------------------------------
// The base URL
// ---------------------------------------------------------------------------------------------

/**
 * The API's base URL for an environment: `<scheme>://<API_SANDBOX_HOST>` /
 * `<scheme>://<API_PRODUCTION_HOST>` when that host is set (the scheme of the app's own URL),
 * else the app's base URL (which serves both environments: the key decides).
 */
export function apiBaseUrlFor(
  environment: "sandbox" | "production",
  settings: { sandboxHost?: string; productionHost?: string; appBaseUrl: string },
): string {
  const app = settings.appBaseUrl.replace(/\/+$/, "");
  const host = environment === "production" ? settings.productionHost : settings.sandboxHost;
  if (!host) return app;
  let scheme = "https:";
  try {
    scheme = new URL(app).protocol;
  } catch {
    // keep https
  }
  return `${scheme}//${host}`;
}
