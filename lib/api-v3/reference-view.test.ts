/**
 * The API reference's view model and curl examples, read from our own OpenAPI document (pure: no
 * database). The curl commands are run through a real `sh` with `curl` swapped for `printf`, so
 * the test sees exactly the arguments curl would get.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { apiBaseUrlFor, buildReferenceView, curlExample, shellQuote, type ReferenceOperation } from "./reference-view";

const BASE = "https://sandbox.example";
const doc = buildOpenApiDocument(BASE);
const view = buildReferenceView(doc);
const operations = view.tags.flatMap((t) => t.operations);
const op = (method: string, path: string): ReferenceOperation => {
  const found = operations.find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};

/** The argv the shell gives curl for `command` (with KOTANI_API_KEY set). */
function curlArgv(command: string): string[] {
  expect(command.startsWith("curl ")).toBe(true);
  const out = execFileSync("sh", ["-c", `printf '%s\\0' ${command.slice("curl ".length)}`], {
    env: { ...process.env, KOTANI_API_KEY: "kp_test_abc" },
    encoding: "utf8",
  });
  return out.split("\0").slice(0, -1);
}

const valueAfter = (argv: string[], flag: string) => argv.filter((_, i) => i > 0 && argv[i - 1] === flag);

describe("buildReferenceView", () => {
  it("lists every operation of the document, once, under its tag", () => {
    const documented: string[] = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of ["get", "post", "put", "patch", "delete"] as const) {
        const o = (item as Record<string, { tags?: string[] } | undefined>)[method];
        if (o) documented.push(`${method.toUpperCase()} ${path} ${o.tags?.[0]}`);
      }
    }
    const listed = view.tags.flatMap((t) => t.operations.map((o) => `${o.method} ${o.path} ${t.name}`));
    expect(listed.sort()).toEqual(documented.sort());
    expect(documented.length).toBeGreaterThanOrEqual(17);
    // Tags in the document's order, each once; anchors unique.
    expect(view.tags.map((t) => t.name)).toEqual([
      "HEALTH",
      "FIAT WALLET",
      "CUSTOMER - MOBILE MONEY",
      "CUSTOMER - VALIDATION",
      "MOBILE MONEY DEPOSIT",
      "WITHDRAW",
      "RATES",
    ]);
    const ids = [...view.tags.map((t) => t.id), ...operations.map((o) => o.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads permission and rate tier from the extensions, and keeps the description clean", () => {
    const deposit = op("POST", "/api/v3/deposit/mobile-money");
    expect(deposit).toMatchObject({
      operationId: "createMobileMoneyDeposit",
      summary: "Deposit via mobile money",
      authenticated: true,
      permission: "collections.create",
      rateTier: "money",
      rateLimit: "60 per 60 s, 20 per 5 s",
      signed: true,
    });
    expect(deposit.description).not.toMatch(/Permission:|Rate limit tier/);
    expect(deposit.description).toMatch(/^An STK push/);
    // Any valid key; no authentication at all.
    expect(op("GET", "/api/v3/rate/{from}/{to}")).toMatchObject({
      authenticated: true,
      permission: null,
      rateTier: "read",
    });
    expect(op("GET", "/health")).toMatchObject({
      authenticated: false,
      permission: null,
      rateTier: null,
      signed: false,
    });
    expect(view.rateTiers).toEqual([
      { tier: "read", limit: "100 per 5 s, 20 per 1 s" },
      { tier: "money", limit: "60 per 60 s, 20 per 5 s" },
    ]);
  });

  it("has path and query parameters, not the signature headers", () => {
    const byCurrency = op("GET", "/api/v3/wallet/fiat/currency/{currency}");
    expect(byCurrency.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["currency", "path", true],
      ["country", "query", false],
    ]);
    expect(byCurrency.parameters[0]).toMatchObject({
      type: "string",
      example: "KES",
      description: "ISO 4217 currency of the wallet.",
    });
    const deposit = op("POST", "/api/v3/deposit/mobile-money");
    expect(deposit.parameters.map((p) => p.name)).toEqual(["idempotency-key"]);
    const list = op("GET", "/api/v3/customer/mobile-money");
    expect(list.parameters.find((p) => p.name === "limit")).toMatchObject({
      in: "query",
      type: "integer",
      required: false,
      example: 20,
    });
  });

  it("has the body's fields one level deep, with examples", () => {
    const body = op("POST", "/api/v3/deposit/mobile-money").body!;
    expect(body.schemaName).toBe("CreateDepositDto");
    expect(body.fields.find((f) => f.name === "amount")).toMatchObject({
      type: "number",
      required: true,
      example: 1000,
    });
    expect(body.fields.find((f) => f.name === "reference_id")).toMatchObject({ type: "string", required: false });
    expect(body.example).toEqual({ customer_key: "2xMdvfbsVtmajBSWw5IT", amount: 1000, wallet_id: "w_01HZX3K9Q2" });
    const customer = op("POST", "/api/v3/customer/mobile-money").body!;
    expect(customer.fields.find((f) => f.name === "network")?.enumValues).toContain("MPESA");
    expect(op("GET", "/api/v3/wallet/fiat").body).toBeNull();
  });

  it("has the success response's data fields, nested objects summarised, and the error statuses", () => {
    const wallets = op("GET", "/api/v3/wallet/fiat").response!;
    expect(wallets).toMatchObject({
      status: "200",
      enveloped: true,
      dataType: "object[]",
      message: "Fiat wallet has been successfully retrieved.",
    });
    expect(wallets.fields.map((f) => f.name)).toContain("deposit_balance");
    const validate = op("POST", "/api/v3/customer/validate/mobile-money").response!;
    expect(validate.fields.find((f) => f.name === "nameMatch")).toMatchObject({
      type: "object",
      children: ["provided", "score", "matched", "threshold", "masked"],
    });
    const health = op("GET", "/health").response!;
    expect(health).toMatchObject({ enveloped: false, dataType: "object" });
    expect(health.fields.find((f) => f.name === "info")?.type).toBe("map of object");

    const deposit = op("POST", "/api/v3/deposit/mobile-money");
    expect(deposit.errors.map((e) => e.status)).toEqual(["400", "401", "403", "404", "409", "429"]);
    expect(deposit.errors.find((e) => e.status === "401")?.message).toBe("Invalid Api Key");
    expect(op("GET", "/api/v3/rate/{from}/{to}").errors.map((e) => e.status)).not.toContain("403");
  });

  it("is serialisable as it is (it crosses to client components)", () => {
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe("curlExample", () => {
  it("POSTs the body's example as valid JSON, with the key and content type", () => {
    const deposit = op("POST", "/api/v3/deposit/mobile-money");
    const command = curlExample(deposit, BASE, "$KOTANI_API_KEY");
    expect(command).toBe(
      [
        `curl -s -X POST "https://sandbox.example/api/v3/deposit/mobile-money" \\`,
        `  -H "Authorization: Bearer $KOTANI_API_KEY" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '{"customer_key":"2xMdvfbsVtmajBSWw5IT","amount":1000,"wallet_id":"w_01HZX3K9Q2"}'`,
      ].join("\n"),
    );
    const argv = curlArgv(command);
    expect(argv.slice(0, 3)).toEqual(["-s", "-X", "POST"]);
    expect(valueAfter(argv, "-H")).toEqual(["Authorization: Bearer kp_test_abc", "Content-Type: application/json"]);
    const [data] = valueAfter(argv, "-d");
    expect(JSON.parse(data!)).toEqual(deposit.body!.example);
  });

  it("sends valid JSON for every operation with a body, and none for GET", () => {
    for (const o of operations) {
      const argv = curlArgv(curlExample(o, BASE));
      const data = valueAfter(argv, "-d");
      if (o.method === "GET") {
        expect(argv, `${o.method} ${o.path}`).not.toContain("-X");
        expect(data).toEqual([]);
      } else {
        expect(valueAfter(argv, "-X")).toEqual([o.method]);
        expect(data).toHaveLength(1);
        expect(() => JSON.parse(data[0]!)).not.toThrow();
      }
      // One URL, on the base, with every path parameter filled in.
      const urls = argv.filter((a) => a.startsWith(BASE));
      expect(urls).toHaveLength(1);
      expect(urls[0]).not.toMatch(/[{}]/);
    }
  });

  it("fills path parameters from their examples, and query parameters that have one", () => {
    expect(curlExample(op("GET", "/api/v3/rate/{from}/{to}"), BASE)).toContain(
      `"https://sandbox.example/api/v3/rate/USD/KES"`,
    );
    expect(curlExample(op("GET", "/api/v3/customer/mobile-money/phone/{phone_number}"), BASE)).toContain(
      "/api/v3/customer/mobile-money/phone/%2B254700000001",
    );
    expect(curlExample(op("GET", "/api/v3/customer/mobile-money"), BASE)).toContain(
      "/api/v3/customer/mobile-money?page=1&limit=20",
    );
    // No example: a {name} placeholder, with curl's globbing off so the braces are sent as they are.
    const noExample = structuredClone(op("GET", "/api/v3/wallet/fiat/{id}"));
    delete noExample.parameters[0]!.example;
    const command = curlExample(noExample, `${BASE}/`);
    expect(command).toContain(`curl -s -g "https://sandbox.example/api/v3/wallet/fiat/{id}"`);
  });

  it("leaves the Authorization header out where there is no security (/health)", () => {
    for (const path of ["/health", "/api/v3/health"]) {
      const command = curlExample(op("GET", path), BASE);
      expect(command).toBe(`curl -s "https://sandbox.example${path}"`);
      expect(command).not.toContain("Authorization");
    }
    expect(curlExample(op("GET", "/api/v3/wallet/fiat"), BASE)).toContain(`-H "Authorization: Bearer $KOTANI_API_KEY"`);
  });

  it("quotes example values safely: a single quote or shell syntax cannot break out", () => {
    const nasty = `O'Brien'; echo injected; echo '$(id) \`id\` "quoted" \\ back`;
    const customer = structuredClone(op("POST", "/api/v3/customer/mobile-money"));
    customer.body!.example = { first_name: nasty, phone_number: "+254700000001" };
    const command = curlExample(customer, BASE);
    const [data] = valueAfter(curlArgv(command), "-d");
    expect(JSON.parse(data!)).toEqual({ first_name: nasty, phone_number: "+254700000001" });

    for (const text of ["", "'", "''", "a'b", `it's "$HOME" \`x\` \\n`, "line\nbreak"]) {
      expect(execFileSync("sh", ["-c", `printf '%s' ${shellQuote(text)}`], { encoding: "utf8" })).toBe(text);
    }
  });

  it("takes a literal key placeholder literally, and expands only a variable", () => {
    const wallets = op("GET", "/api/v3/wallet/fiat");
    const literal = curlExample(wallets, BASE, 'kp_test_"$(id)`x`');
    expect(valueAfter(curlArgv(literal), "-H")).toEqual(['Authorization: Bearer kp_test_"$(id)`x`']);
    expect(valueAfter(curlArgv(curlExample(wallets, BASE, "${KOTANI_API_KEY}")), "-H")).toEqual([
      "Authorization: Bearer kp_test_abc",
    ]);
  });
});

describe("apiBaseUrlFor", () => {
  const settings = {
    sandboxHost: "sandbox-api.example.com",
    productionHost: "api.example.com",
    appBaseUrl: "https://dash.example.com",
  };
  it("is the environment's API host when set, with the app's scheme", () => {
    expect(apiBaseUrlFor("sandbox", settings)).toBe("https://sandbox-api.example.com");
    expect(apiBaseUrlFor("production", settings)).toBe("https://api.example.com");
    expect(apiBaseUrlFor("sandbox", { ...settings, appBaseUrl: "http://localhost:3000" })).toBe(
      "http://sandbox-api.example.com",
    );
  });
  it("is the app's base URL otherwise", () => {
    expect(
      apiBaseUrlFor("production", { sandboxHost: "sandbox-api.example.com", appBaseUrl: "https://dash.example.com/" }),
    ).toBe("https://dash.example.com");
    expect(apiBaseUrlFor("sandbox", { appBaseUrl: "http://localhost:3000" })).toBe("http://localhost:3000");
  });
});
