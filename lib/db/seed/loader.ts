import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";

/**
 * Bulk writes for the seed, inside one database transaction.
 * PGlite: `COPY … FROM '/dev/blob'` with a CSV blob (about twice as fast as INSERT there).
 * PostgreSQL (node-postgres has no COPY without an extra package): one
 * `INSERT … SELECT … FROM json_populate_recordset($1)` per chunk, a single parameter.
 * Rows are objects keyed by the Drizzle property names; values are string | number |
 * bigint | boolean | null | string[] (text[]) | plain object (jsonb).
 */

export type Engine = "pglite" | "postgres";
type Row = Record<string, unknown>;

/** Which driver a Drizzle database (or transaction) runs on, from its client. */
export function detectEngine(db: Db): Engine {
  const client = (db as unknown as { $client?: Record<string, unknown> }).$client;
  return client && typeof client.dumpDataDir === "function" ? "pglite" : "postgres";
}

interface TableSpec {
  table: PgTable;
  name: string;
  keys: string[];
  columns: string[];
  columnList: string;
  rows: Row[];
}

export class BulkLoader {
  private readonly specs = new Map<PgTable, TableSpec>();
  private readonly order: TableSpec[] = [];
  private buffered = 0;
  private readonly droppedIndexes: { name: string; def: string }[] = [];
  /** Rows written per table name. */
  readonly written: Record<string, number> = {};

  constructor(
    private readonly tx: Db,
    readonly engine: Engine,
    private readonly flushEvery = Number(process.env.FLUSH ?? 60_000),
  ) {}

  /**
   * Declares a bulk table; flushes write tables in declaration order, so declare parents
   * before children (foreign keys are checked row by row).
   */
  register(table: PgTable, opts: { omit?: string[] } = {}): void {
    const cols = Object.entries(getTableColumns(table)).filter(([key]) => !opts.omit?.includes(key));
    const spec: TableSpec = {
      table,
      name: getTableName(table),
      keys: cols.map(([key]) => key),
      columns: cols.map(([, col]) => col.name),
      columnList: cols.map(([, col]) => `"${col.name}"`).join(", "),
      rows: [],
    };
    this.specs.set(table, spec);
    this.order.push(spec);
  }

  async push(table: PgTable, row: Row): Promise<void> {
    const spec = this.specs.get(table);
    if (!spec) throw new Error(`Table ${getTableName(table)} is not registered with the loader`);
    spec.rows.push(row);
    if (++this.buffered >= this.flushEvery) await this.flush();
  }

  async flush(): Promise<void> {
    for (const spec of this.order) {
      if (spec.rows.length === 0) continue;
      const rows = spec.rows;
      spec.rows = [];
      await this.write(spec, rows);
      this.written[spec.name] = (this.written[spec.name] ?? 0) + rows.length;
    }
    this.buffered = 0;
  }

  /** Writes rows of any table right away (small tables: integrators, users, wallets…). */
  async insertNow(table: PgTable, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const cols = Object.entries(getTableColumns(table));
    const spec: TableSpec = {
      table,
      name: getTableName(table),
      keys: cols.map(([key]) => key),
      columns: cols.map(([, col]) => col.name),
      columnList: cols.map(([, col]) => `"${col.name}"`).join(", "),
      rows: [],
    };
    // Columns none of the rows set keep their database defaults (serial ids, now()).
    const used = spec.keys.map((k) => rows.some((r) => r[k] !== undefined));
    spec.keys = spec.keys.filter((_, i) => used[i]);
    spec.columns = spec.columns.filter((_, i) => used[i]);
    spec.columnList = spec.columns.map((c) => `"${c}"`).join(", ");
    await this.write(spec, rows);
  }

  async execute(query: SQL): Promise<Row[]> {
    const result = (await this.tx.execute(query)) as unknown as { rows?: Row[] } | Row[];
    return Array.isArray(result) ? result : (result.rows ?? []);
  }

  /**
   * Drops the secondary indexes of these tables (not primary keys or constraint-backed ones)
   * for the duration of a large load; `restoreIndexes` re-creates them from their own
   * definitions, which also re-checks the unique ones.
   */
  async dropIndexes(tables: PgTable[]): Promise<void> {
    const names = tables.map((t) => getTableName(t));
    const rows = await this.execute(sql`
      select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = current_schema()
        and t.relname in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by t.relname, i.relname`);
    for (const r of rows) {
      this.droppedIndexes.push({ name: String(r.name), def: String(r.def) });
      await this.execute(sql.raw(`drop index "${String(r.name)}"`));
    }
  }

  async restoreIndexes(): Promise<void> {
    if (this.droppedIndexes.length === 0) return;
    await this.execute(sql.raw(`set local maintenance_work_mem = '128MB'`));
    while (this.droppedIndexes.length) {
      const { def } = this.droppedIndexes.shift()!;
      await this.execute(sql.raw(def));
    }
  }

  private async write(spec: TableSpec, rows: Row[]): Promise<void> {
    if (this.engine === "pglite") {
      const csv = toCsv(spec.keys, rows);
      const client = (this.tx as unknown as { session: { client: PgliteQueryable } }).session.client;
      await client.query(`COPY "${spec.name}" (${spec.columnList}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    } else {
      const json = toJson(spec.keys, spec.columns, rows);
      await this.tx.execute(
        sql`insert into ${sql.identifier(spec.name)} (${sql.raw(spec.columnList)}) select ${sql.raw(spec.columnList)} from json_populate_recordset(null::${sql.identifier(spec.name)}, ${json}::json)`,
      );
    }
  }
}

interface PgliteQueryable {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

const NEEDS_QUOTES = /[",\r\n\\]/;

function csvText(s: string): string {
  return s === "" || NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function pgArrayLiteral(items: unknown[]): string {
  return `{${items.map((v) => `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "string":
      return csvText(v);
    case "number":
    case "bigint":
      return String(v);
    case "boolean":
      return v ? "t" : "f";
    default:
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return csvText(pgArrayLiteral(v));
      return csvText(JSON.stringify(v));
  }
}

function toCsv(keys: string[], rows: Row[]): string {
  const lines: string[] = new Array(rows.length);
  const n = keys.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let line = csvValue(row[keys[0]]);
    for (let i = 1; i < n; i++) line += "," + csvValue(row[keys[i]]);
    lines[r] = line;
  }
  return lines.join("\n") + "\n";
}

function toJson(keys: string[], columns: string[], rows: Row[]): string {
  const out: Record<string, unknown>[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const o: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const v = row[keys[i]];
      o[columns[i]] = v === undefined ? null : typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v;
    }
    out[r] = o;
  }
  return JSON.stringify(out);
}
