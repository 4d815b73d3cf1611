import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export const MAIL_FROM = env().MAIL_FROM;

type GlobalWithMail = typeof globalThis & { __kotaniMail?: { transport: Transporter; outbox?: string } };

/**
 * SMTP_URL → real SMTP. Without it (the embedded default) each message is written as an .eml
 * file to DATA_DIR/outbox, and the server log says where, so sign-up/reset work with nothing else
 * installed.
 */
function mailTransport(): { transport: Transporter; outbox?: string } {
  const g = globalThis as GlobalWithMail;
  if (g.__kotaniMail) return g.__kotaniMail;
  const { SMTP_URL, DATA_DIR } = env();
  if (SMTP_URL) {
    g.__kotaniMail = { transport: nodemailer.createTransport(SMTP_URL) };
  } else {
    const outbox = path.join(DATA_DIR || path.join(process.cwd(), "data"), "outbox");
    mkdirSync(outbox, { recursive: true });
    // streamTransport + buffer gives us the raw RFC 822 message to write out.
    g.__kotaniMail = { transport: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }), outbox };
  }
  return g.__kotaniMail;
}

export async function sendMail(message: MailMessage): Promise<void> {
  const { transport, outbox } = mailTransport();
  const info = await transport.sendMail({ from: MAIL_FROM, ...message });
  if (outbox) {
    const { writeFile } = await import("node:fs/promises");
    const file = path.join(outbox, `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-z0-9]/gi, "")}.eml`);
    await writeFile(file, (info as unknown as { message: Buffer }).message);
    console.log(`[mail] no SMTP_URL: "${message.subject}" to ${message.to} written to ${file}`);
  }
}
