// What the HTTP benches share: `next start` on a prepared database (the build in NEXT_DIST_DIR or
// .next), the demo Owner's session through next-auth's credentials endpoint, and percentiles.
// A module of the benches, not a bench (scripts/bench.mts skips it).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : 0;

export function buildDir(): string | null {
  const dist = path.resolve(process.env.NEXT_DIST_DIR || ".next");
  return existsSync(path.join(dist, "BUILD_ID")) ? dist : null;
}

export interface RunningServer {
  base: string;
  stop: () => Promise<void>;
}

/** `next start` on 127.0.0.1:port with the given env (DATA_DIR or DATABASE_URL), workers off; resolves once it answers. */
export async function startServer(port: string, serverEnv: Record<string, string>): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
    SMTP_URL: "smtp://127.0.0.1:9",
    WORKERS: "off",
    ...serverEnv,
  };
  if (!serverEnv.DATABASE_URL) delete env.DATABASE_URL;
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", port, "-H", "127.0.0.1"], { env, detached: true, stdio: "ignore" });
  const stop = async () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 1500));
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 240) {
      await stop();
      throw new Error("the server did not start");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop };
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(base: string, email = "demo@kotanipay.test", password = "Demo-Backoffice-2026"): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(";")[0]!;
      const at = kv.indexOf("=");
      jar.set(kv.slice(0, at), kv.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let res = await fetch(`${base}/api/auth/csrf`);
  keep(res);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("kotani.session"))) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return cookie();
}
