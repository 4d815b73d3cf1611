import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

/** The webhook receiver of the developers spec: a real HTTP server on 127.0.0.1 that records every POST and answers what it is told. */
export interface Hit {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export const HOOK_PORT = Number(process.env.E2E_HOOK_PORT || Number(process.env.E2E_PORT ?? 3100) + 1500);

export async function startReceiver(): Promise<{ hits: Hit[]; answer: { status: number }; server: Server; url: (path: string) => string }> {
  const hits: Hit[] = [];
  const answer = { status: 200 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ at: Date.now(), path: req.url ?? "", headers: req.headers, body });
      res.statusCode = answer.status;
      res.setHeader("content-type", "application/json");
      res.end(answer.status < 300 ? '{"ok":true}' : '{"error":"receiver down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(HOOK_PORT, "127.0.0.1", resolve));
  return { hits, answer, server, url: (path) => `http://127.0.0.1:${HOOK_PORT}${path}` };
}
