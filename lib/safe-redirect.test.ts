import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

/** Where a browser would go for a Location / router target, resolved against the app's origin. */
const ORIGIN = "https://backoffice.example.com";
function landsOnApp(target: string): boolean {
  return new URL(target, ORIGIN).origin === ORIGIN;
}

describe("safeCallbackUrl: only same-origin paths, never another host", () => {
  const HOSTILE = [
    "//evil.example",
    "//evil.example/phish",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example/phish",
    "/%09/evil.example/phish",
    "/\n/evil.example",
    "/\r/evil.example",
    "/%0a/evil.example",
    "/%0d/evil.example",
    "/%5Cevil.example",
    "/%09%5Cevil.example",
    "/%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%25%30%39/evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\u3000/evil.example",
    "/\ufeff/evil.example",
    " /evil.example",
    "/ /evil.example",
    "https://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "./evil",
    "",
    "/login?callbackUrl=//evil.example",
    "/\0/evil.example",
    `/${"a".repeat(3000)}`,
  ];

  it.each(HOSTILE)("%j falls back to the home page", (payload) => {
    expect(safeCallbackUrl(payload)).toBe("/");
  });

  it("whatever it returns stays on the app's origin, even for payloads decoded once more", () => {
    for (const payload of HOSTILE) {
      const out = safeCallbackUrl(payload);
      expect(landsOnApp(out), payload).toBe(true);
      let decoded = out;
      try {
        decoded = decodeURIComponent(out);
      } catch {
        /* not decodable: the raw value was checked */
      }
      expect(landsOnApp(decoded), `${payload} (decoded)`).toBe(true);
    }
  });

  it.each([
    ["/", "/"],
    ["/collections", "/collections"],
    ["/collections?m=KE-KES&env=sandbox&tx=abc", "/collections?m=KE-KES&env=sandbox&tx=abc"],
    ["/payouts?status=FAILED,PENDING#top", "/payouts?status=FAILED,PENDING#top"],
    ["/wallets/6a7bb780224d9b25e278dc51", "/wallets/6a7bb780224d9b25e278dc51"],
    ["/audit?q=%40demo", "/audit?q=%40demo"],
    // Encoded bytes in the query are the page's business (it validates its own parameters).
    ["/collections?m=%00%3Cscript%3E&env=moon", "/collections?m=%00%3Cscript%3E&env=moon"],
  ])("%j is kept as %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it("takes a fallback", () => {
    expect(safeCallbackUrl(null, "/collections")).toBe("/collections");
    expect(safeCallbackUrl("//evil.example", "/collections")).toBe("/collections");
  });
});
