/**
 * A real SMTP server on loopback for tests (authless, no TLS), capturing every message.
 *
 *   const smtp = await startSmtp();                 // or startSmtp({ port: 2525 })
 *   process.env.SMTP_URL = smtp.url;                // smtp://127.0.0.1:PORT
 *   const mail = await smtp.waitFor((m) => m.to.includes("alice@example.com"), 10_000);
 *   mail.subject; mail.text; mail.html;
 *   await smtp.stop();
 *
 * The MIME parsing is deliberately minimal (no mailparser dependency): headers with RFC 2047
 * encoded words, nested multipart, quoted-printable/base64 bodies, charset via TextDecoder.
 * Attachments are listed (filename/contentType/size) but not decoded.
 */
import { SMTPServer } from "smtp-server";

export interface Mail {
  /** Recipients from the SMTP envelope (RCPT TO), lower-cased, comma-joined ("a@x.com, b@y.com"). */
  to: string;
  /** Sender from the SMTP envelope (MAIL FROM), lower-cased. */
  from: string;
  subject: string;
  /** The text/plain part ("" if none), decoded, with \n line endings. */
  text: string;
  /** The text/html part ("" if none). */
  html: string;
  /** Header fields, lower-cased names, decoded values (last value wins). */
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; size: number }[];
  envelope: { from: string; to: string[] };
  raw: string;
  receivedAt: Date;
}

export interface SmtpCapture {
  url: string;
  port: number;
  /** Every message received so far, oldest first. */
  messages: Mail[];
  /** The first message (already received or upcoming) matching predicate; rejects after timeoutMs. */
  waitFor(predicate: (m: Mail) => boolean, timeoutMs?: number): Promise<Mail>;
  /** Forget the messages received so far. */
  clear(): void;
  stop(): Promise<void>;
}

export async function startSmtp(opts: { port?: number; host?: string } = {}): Promise<SmtpCapture> {
  const host = opts.host ?? "127.0.0.1";
  const messages: Mail[] = [];
  const waiters = new Set<{ predicate: (m: Mail) => boolean; resolve: (m: Mail) => void }>();

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 500,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", callback);
      stream.on("end", () => {
        try {
          const raw = Buffer.concat(chunks).toString("latin1");
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : "",
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          };
          const mail = parseMail(raw, envelope);
          messages.push(mail);
          for (const w of [...waiters]) {
            if (safe(w.predicate, mail)) {
              waiters.delete(w);
              w.resolve(mail);
            }
          }
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.server.once("error", onError);
    server.listen(opts.port ?? 0, host, () => {
      server.server.off("error", onError);
      const addr = server.server.address();
      resolve(typeof addr === "object" && addr ? addr.port : (opts.port ?? 0));
    });
  });
  // After startup, connection-level errors must not crash the test process.
  server.on("error", () => {});

  let stopped = false;
  return {
    url: `smtp://${host}:${port}`,
    port,
    messages,
    clear: () => {
      messages.length = 0;
    },
    waitFor(predicate, timeoutMs = 15_000) {
      const found = messages.find((m) => safe(predicate, m));
      if (found) return Promise.resolve(found);
      return new Promise<Mail>((resolve, reject) => {
        const w = {
          predicate,
          resolve: (m: Mail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          const seen = messages.map((m) => `  to=${m.to} subject=${JSON.stringify(m.subject)}`).join("\n");
          reject(
            new Error(
              `No matching mail within ${timeoutMs} ms; ${messages.length} received${seen ? `:\n${seen}` : ""}`,
            ),
          );
        }, timeoutMs);
        waiters.add(w);
      });
    },
    stop: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            stopped = true;
            server.close(() => resolve());
          }),
  };
}

function safe(predicate: (m: Mail) => boolean, m: Mail): boolean {
  try {
    return predicate(m);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- minimal MIME parsing

interface Part {
  headers: Record<string, string>;
  body: string; // latin1 "binary" string of the undecoded body
}

function splitHeaders(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : "";
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

/** `text/html; charset="utf-8"` → { value: "text/html", params: { charset: "utf-8" } } */
function headerParams(value = ""): { value: string; params: Record<string, string> } {
  const [first, ...rest] = value.split(";");
  const params: Record<string, string> = {};
  for (const p of rest) {
    const i = p.indexOf("=");
    if (i > 0)
      params[p.slice(0, i).trim().toLowerCase().replace(/\*$/, "")] = p
        .slice(i + 1)
        .trim()
        .replace(/^"|"$/g, "");
  }
  return { value: (first ?? "").trim().toLowerCase(), params };
}

function decodeCharset(bytes: Buffer, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

function qpToBuffer(s: string, header = false): Buffer {
  if (header) s = s.replace(/_/g, " ");
  s = s.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(s.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded words: =?utf-8?Q?...?= / =?utf-8?B?...?= */
function decodeWords(value: string): string {
  const decoded = value.replace(/\?=\s+=\?/g, "?==?");
  const words = decoded.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
    (_, charset: string, enc: string, text: string) => {
      const buf = enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpToBuffer(text, true);
      return decodeCharset(buf, charset.replace(/\*.*$/, ""));
    },
  );
  // Raw 8-bit (SMTPUTF8) headers arrive as latin1 here: reinterpret as UTF-8 when valid.
  return /[\x80-\xff]/.test(words) ? reUtf8(words) : words;
}

function reUtf8(s: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(s, "latin1"));
  } catch {
    return s;
  }
}

function decodeBody(part: Part): string {
  const cte = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const { params } = headerParams(part.headers["content-type"]);
  const bytes =
    cte === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
      : cte === "quoted-printable"
        ? qpToBuffer(part.body)
        : Buffer.from(part.body, "latin1");
  return decodeCharset(bytes, params.charset ?? "utf-8");
}

function walk(part: Part, out: { text: string; html: string; attachments: Mail["attachments"] }): void {
  const ct = headerParams(part.headers["content-type"] ?? "text/plain");
  if (ct.value.startsWith("multipart/") && ct.params.boundary) {
    const delim = `--${ct.params.boundary}`;
    const sections = part.body.split(new RegExp(`(?:^|\\r?\\n)${escapeRe(delim)}(?:--)?[ \\t]*(?:\\r?\\n|$)`));
    // sections[0] is the preamble; the last one after the closing delimiter is the epilogue.
    for (const s of sections.slice(1)) {
      if (!s.trim()) continue;
      walk(splitHeaders(s), out);
    }
    return;
  }
  const disp = headerParams(part.headers["content-disposition"]);
  const filename = disp.params.filename ?? ct.params.name;
  if (disp.value === "attachment" || (filename && !ct.value.startsWith("text/"))) {
    out.attachments.push({
      filename: filename ? decodeWords(filename) : "",
      contentType: ct.value,
      size: part.body.length,
    });
    return;
  }
  // Line endings normalised to \n for easy assertions.
  if (ct.value === "text/html" && !out.html) out.html = decodeBody(part).replace(/\r\n/g, "\n");
  else if (ct.value === "text/plain" && !out.text) out.text = decodeBody(part).replace(/\r\n/g, "\n");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): Mail {
  // The CRLF that precedes the end-of-data "." belongs to the protocol, not to the body.
  const root = splitHeaders(raw.replace(/\r?\n$/, ""));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(root.headers)) headers[k] = decodeWords(v);
  const out = { text: "", html: "", attachments: [] as Mail["attachments"] };
  walk(root, out);
  return {
    to: envelope.to.join(", "),
    from: envelope.from,
    subject: headers.subject ?? "",
    text: out.text,
    html: out.html,
    headers,
    attachments: out.attachments,
    envelope,
    raw,
    receivedAt: new Date(),
  };
}
