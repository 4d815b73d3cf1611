/**
 * What a route's first-load JS is made of, by package or source file, from a build made with
 * NEXT_SOURCE_MAPS=1. Each chunk's gzip size is shared among its sources in proportion to the
 * minified bytes their source map gives them (an estimate: gzip is not additive).
 *
 *   NEXT_SOURCE_MAPS=1 NEXT_DIST_DIR=.next-maps npx next build
 *   NEXT_DIST_DIR=.next-maps npx tsx scripts/bundle-breakdown.mts /collections [/ …] [--files] [--top 40]
 *   (--minus /_global-error prints only what a route adds over another one: e.g. the framework)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer } from "source-map-js";
import { firstLoadChunks } from "./bundle-routes.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { files: { type: "boolean", default: false }, top: { type: "string", default: "40" }, minus: { type: "string" } },
});
const dist = path.resolve(process.env.NEXT_DIST_DIR || ".next");
const routes = firstLoadChunks(dist);
if (!routes) throw new Error(`no build in ${dist}`);

function chunksOf(route: string): Set<string> {
  const chunks = routes!.get(route);
  if (!chunks) throw new Error(`no route ${route} (or its manifest is not understood)`);
  return chunks;
}

function groupOf(source: string): string {
  const s = source.replace(/^.*?\[project\]\//, "").replace(/^turbopack:\/\/\//, "");
  const nm = s.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = s.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (!args.files) return pkg;
    return `${pkg}/${rest.slice(pkg.split("/").length).join("/")}`;
  }
  return args.files ? s : s.split("/").slice(0, 2).join("/");
}

const cache = new Map<string, Map<string, number>>();
function breakdownOfChunk(chunk: string): Map<string, number> {
  const hit = cache.get(chunk);
  if (hit) return hit;
  const file = path.join(dist, chunk.replace(/^\/?_next\//, ""));
  const out = new Map<string, number>();
  if (!existsSync(file)) return out;
  const code = readFileSync(file, "utf8");
  const gz = gzipSync(code, { level: 9 }).length;
  const lines = code.split("\n");
  const bytes = new Map<string, number>();
  let mapped = 0;
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const mapFile = mapName ? path.join(path.dirname(file), mapName) : `${file}.map`;
  if (existsSync(mapFile)) {
    const raw = JSON.parse(readFileSync(mapFile, "utf8"));
    const maps = raw.sections ? raw.sections.map((s: { offset: { line: number; column: number }; map: unknown }) => ({ off: s.offset, map: s.map })) : [{ off: { line: 0, column: 0 }, map: raw }];
    for (const { off, map } of maps) {
      const consumer = new SourceMapConsumer(map as never);
      const byLine = new Map<number, { col: number; src: string | null }[]>();
      consumer.eachMapping((m) => {
        const line = m.generatedLine - 1 + off.line;
        const col = m.generatedColumn + (m.generatedLine === 1 ? off.column : 0);
        let l = byLine.get(line);
        if (!l) byLine.set(line, (l = []));
        l.push({ col, src: m.source });
      });
      for (const [line, segs] of byLine) {
        segs.sort((a, b) => a.col - b.col);
        const len = lines[line]?.length ?? 0;
        for (let i = 0; i < segs.length; i++) {
          const end = i + 1 < segs.length ? segs[i + 1].col : len;
          const n = Math.max(0, end - segs[i].col);
          const key = segs[i].src ? groupOf(segs[i].src!) : "(unmapped)";
          bytes.set(key, (bytes.get(key) ?? 0) + n);
          mapped += n;
        }
      }
    }
  }
  const total = code.length;
  if (total > mapped) bytes.set("(unmapped)", (bytes.get("(unmapped)") ?? 0) + total - mapped);
  for (const [k, v] of bytes) out.set(k, (v / total) * gz);
  cache.set(chunk, out);
  return out;
}

function breakdown(route: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of chunksOf(route)) for (const [k, v] of breakdownOfChunk(c)) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

const base = args.minus ? breakdown(args.minus) : new Map<string, number>();
for (const route of positionals) {
  const b = breakdown(route);
  const rows = [...b].map(([k, v]) => [k, v - (base.get(k) ?? 0)] as const).filter(([, v]) => Math.abs(v) > 20);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, v]) => s + v, 0);
  console.log(`\n== ${route}${args.minus ? ` minus ${args.minus}` : ""}: ${(total / 1000).toFixed(1)} kB gzip`);
  for (const [k, v] of rows.slice(0, Number(args.top))) console.log(`${(v / 1000).toFixed(1).padStart(7)}  ${k}`);
}
