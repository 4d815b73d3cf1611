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
