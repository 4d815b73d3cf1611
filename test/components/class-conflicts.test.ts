import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";

/*
 * `cn()` joins class names (clsx); it no longer resolves conflicts between Tailwind utilities
 * (tailwind-merge cost 8.6 kB on every page). A primitive's own look is a component class
 * (components/ui/ui-*.css, `@layer components`), so a caller's utilities win over it by the cascade
 * layers. What is left to keep true, checked here with tailwind-merge as the judge: no two
 * utilities that can be applied together set the same thing. Alternatives that exclude each other
 * are written as one argument (`cond ? "h-8" : "h-9"`), not as two (`"h-9", cond && "h-8"`).
 */

const ROOTS = ["app", "components", "lib"];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(full);
  }
  return out;
}

/** The string literals in an expression (ternary branches, && operands, template parts, cva maps). */
function literals(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out.filter((s) => s.trim() !== "");
}

/** The classes of `a` that tailwind-merge would drop because `b` (after it) sets the same thing. */
function overridden(a: string, b: string): string[] {
  const kept = new Set(twMerge(`${a} ${b}`).split(" "));
  return a.split(/\s+/).filter((c) => c && !kept.has(c));
}

function conflicts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (n: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ["cn", "clsx"].includes(n.expression.text)) {
      const args = n.arguments.map(literals);
      args.forEach((lits, i) => {
        for (const a of lits) {
          const self = overridden(a, "");
          if (self.length) found.push(`${where(n)}: "${a}" sets ${self.join(" ")} twice`);
          for (const later of args.slice(i + 1)) {
            for (const b of later) {
              const lost = overridden(a, b);
              if (lost.length) found.push(`${where(n)}: "${b}" would override ${lost.join(" ")}`);
            }
          }
        }
      });
    }
    if (ts.isJsxAttribute(n) && n.name.getText() === "className" && n.initializer) {
      for (const a of literals(n.initializer)) {
        const self = overridden(a, "");
        if (self.length) found.push(`${where(n)}: "${a}" sets ${self.join(" ")} twice`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe("class names", () => {
  it("no cn() call or className relies on one utility overriding another", () => {
    const files = ROOTS.flatMap((root) => sourceFiles(root));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(conflicts)).toEqual([]);
  });

  it("the check finds an override and a duplicate (it can fail)", () => {
    expect(overridden("h-9 px-4", "h-8")).toEqual(["h-9"]);
    expect(overridden("px-2 px-3", "")).toEqual(["px-2"]);
    expect(overridden("ui-button ui-button-sm", "h-7")).toEqual([]);
  });
});
