import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type SmtpCapture } from "./smtp";

describe("test SMTP server", () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  it("captures a multipart message sent by nodemailer", async () => {
    expect(smtp.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const transport = nodemailer.createTransport(smtp.url);
    const waiting = smtp.waitFor((m) => m.to.includes("alice@example.com"), 10_000);
    await transport.sendMail({
      from: '"Kotani" <no-reply@kotani.test>',
      to: "Alice <Alice@Example.com>",
      subject: "Votre code: 123456 — ünïcødé",
      text: "Code: 123456\nExpires in 10 minutes. Ünïcødé ✓ " + "long line ".repeat(20),
      html: "<p>Code: <b>123456</b> — ✓</p>",
      attachments: [{ filename: "report.csv", content: "a,b\n1,2\n" }],
    });
    const mail = await waiting;
    expect(mail.from).toBe("no-reply@kotani.test");
    expect(mail.to).toBe("alice@example.com");
    expect(mail.subject).toBe("Votre code: 123456 — ünïcødé");
    expect(mail.text).toContain("Code: 123456\nExpires in 10 minutes. Ünïcødé ✓ long line");
    expect(mail.html).toBe("<p>Code: <b>123456</b> — ✓</p>");
    expect(mail.attachments).toEqual([expect.objectContaining({ filename: "report.csv" })]);
    expect(mail.headers["from"]).toContain("no-reply@kotani.test");
    transport.close();
  });

  it("waitFor returns already-received mail and times out clearly", async () => {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({ from: "a@x.test", to: "bob@x.test", subject: "plain", text: "hello" });
    const m = await smtp.waitFor((x) => x.subject === "plain", 1000);
    expect(m.text).toBe("hello");
    expect(m.html).toBe("");
    await expect(smtp.waitFor((x) => x.subject === "never", 200)).rejects.toThrow(/No matching mail within 200 ms/);
    transport.close();
  });
});
