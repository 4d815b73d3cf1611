import { describe, expect, it } from "vitest";
import { appBaseUrl, env, loadEnv } from "./env";

describe("settings (lib/env.ts)", () => {
  it("defaults when unset or blank", () => {
    const e = loadEnv({ PORT: "", WORKERS: "  " });
    expect(e).toMatchObject({ PORT: 3000, WORKERS: "on", DATABASE_POOL_SIZE: 10, JOBS_POOL_SIZE: 4, WORKER_STOP_SECONDS: 25 });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.MAIL_FROM).toContain("no-reply@");
  });

  it("WORKERS: on/off in any case, nothing else", () => {
    expect(loadEnv({ WORKERS: " OFF " }).WORKERS).toBe("off");
    expect(loadEnv({ WORKERS: "on" }).WORKERS).toBe("on");
    expect(() => loadEnv({ WORKERS: "yes" })).toThrow('WORKERS must be on or off (got "yes")');
  });

  it("TRUSTED_PROXIES: unset = no proxy, a number of hops, or IP addresses and CIDR ranges", () => {
    expect(loadEnv({}).TRUSTED_PROXIES).toEqual({ hops: 0 });
    expect(loadEnv({ TRUSTED_PROXIES: " 2 " }).TRUSTED_PROXIES).toEqual({ hops: 2 });
    expect(loadEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32,192.0.2.1" }).TRUSTED_PROXIES).toEqual({
      ranges: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"],
    });
    for (const bad of ["yes", "11", "-1", "10.0.0.0/33", "10.0.0.0/8,", "walk-spoofed-ip"]) {
      expect(() => loadEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(
        `TRUSTED_PROXIES must be a number of proxies (0 to 10) or a comma-separated list of IP addresses and CIDR ranges (got ${JSON.stringify(bad)})`,
      );
    }
  });

  it("a bad value stops with one line naming the variable", () => {
    const cases: [Record<string, string>, string][] = [
      [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a postgres:// or postgresql:// URL"],
      [{ SMTP_URL: "localhost:25" }, "SMTP_URL must be a smtp:// or smtps:// URL"],
      [{ NEXTAUTH_URL: "example.com" }, "NEXTAUTH_URL must be a http:// or https:// URL"],
      [{ PORT: "70000" }, "PORT must be at most 65535"],
      [{ DATABASE_POOL_SIZE: "ten" }, "DATABASE_POOL_SIZE"],
      [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET must be at least 16 characters"],
    ];
    for (const [source, message] of cases) {
      let error: Error | undefined;
      try {
        loadEnv(source);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, JSON.stringify(source)).toContain(message);
      expect(error?.message.split("\n")).toHaveLength(1);
    }
  });

  it("reads a changed variable again (tests and scripts set some at run time)", () => {
    const before = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "https://backoffice.example.com/";
      expect(appBaseUrl()).toBe("https://backoffice.example.com");
      process.env.NEXTAUTH_URL = "http://127.0.0.1:4000";
      expect(env().NEXTAUTH_URL).toBe("http://127.0.0.1:4000");
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});
