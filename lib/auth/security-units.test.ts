import { describe, expect, it } from "vitest";
import { buildCsp, newNonce, securityHeaders } from "./security-headers";
import { decryptSecret, encryptSecret, hashCode, sameDigest } from "./crypto";
import { isCommonPassword, isPersonalPassword, newPasswordSchema } from "./password-policy";
import { newRecoveryCodes, normalizeRecoveryCode } from "./two-factor";

describe("password policy", () => {
  it("12 to 128 characters, not common, no composition rules", () => {
    const ok = (p: string) => newPasswordSchema.safeParse(p).success;
    expect(ok("correct horse battery")).toBe(true);
    expect(ok("ALLCAPSNODIGITSX")).toBe(true);
    expect(ok("elevenchars")).toBe(false);
    expect(ok("x".repeat(129))).toBe(false);
    expect(ok("y".repeat(12))).toBe(false);
    for (const common of ["password1234", "Password1234", "qwertyuiop123", "123456789012", "iloveyou1234", "1qaz2wsx3edc", "kotanipay2026"]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(ok(common), common).toBe(false);
    }
    expect(isCommonPassword("Demo-Backoffice-2026")).toBe(false);
  });
  it("the list has thousands of entries (A5 6.2.4: top 3000 at least)", async () => {
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync("lib/auth/common-passwords.txt", "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines.length).toBeGreaterThan(3000);
    expect(lines.filter((l) => l.length >= 12).length).toBeGreaterThan(1000);
  });
  it("the email's name or the product's name inside is refused", () => {
    expect(isPersonalPassword("jane.doe-secret-2026", "jane.doe@example.com")).toBe(true);
    expect(isPersonalPassword("my-KOTANI-password", "a@b.c")).toBe(true);
    expect(isPersonalPassword("unrelated phrase here", "jane.doe@example.com")).toBe(false);
  });
});

describe("crypto", () => {
  it("AES-256-GCM: round trip, bound to its context, tamper-evident", () => {
    const blob = encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "user-1");
    expect(blob).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(blob).not.toContain("JBSWY3DP");
    expect(decryptSecret(blob, "user-1")).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(decryptSecret(blob, "user-2")).toBeNull();
    const parts = blob.split(".");
    parts[2] = parts[2]!.slice(0, -2) + (parts[2]!.endsWith("A") ? "BA" : "AA");
    expect(decryptSecret(parts.join("."), "user-1")).toBeNull();
    expect(decryptSecret("garbage", "user-1")).toBeNull();
    expect(encryptSecret("same", "u")).not.toBe(encryptSecret("same", "u"));
  });
  it("code digests: keyed, bound, constant-time compare", () => {
    const a = hashCode("otp", "row-1", "123456");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode("otp", "row-2", "123456")).not.toBe(a);
    expect(hashCode("recovery", "row-1", "123456")).not.toBe(a);
    expect(sameDigest(a, hashCode("otp", "row-1", "123456"))).toBe(true);
    expect(sameDigest(a, hashCode("otp", "row-1", "123457"))).toBe(false);
    expect(sameDigest(a, "")).toBe(false);
  });
  it("recovery codes: ten distinct, ~49 bits each, normalised on input", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(normalizeRecoveryCode(" ABCDE-fghjk ")).toBe("abcdefghjk");
  });
});

describe("security headers", () => {
  it("CSP with a per-request nonce, object-src/base-uri none, frame-ancestors none; HSTS only on https", () => {
    const n1 = newNonce();
    expect(n1).not.toBe(newNonce());
    expect(Buffer.from(n1, "base64")).toHaveLength(16);
    const csp = buildCsp({ nonce: n1, https: false });
    expect(csp).toContain(`script-src 'self' 'nonce-${n1}' 'strict-dynamic'`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(buildCsp({ nonce: n1, https: true })).toContain("upgrade-insecure-requests");
    const plain = securityHeaders({ csp, https: false });
    expect(plain).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "cache-control": "no-store, max-age=0" });
    expect(plain["strict-transport-security"]).toBeUndefined();
    const hsts = securityHeaders({ csp, https: true })["strict-transport-security"]!;
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31536000);
  });
});
