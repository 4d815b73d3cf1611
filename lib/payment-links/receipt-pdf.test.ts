import { describe, expect, it } from "vitest";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, StandardFonts, type PDFPage } from "pdf-lib";
import type { LinkPaymentReceipt } from "./receipt";
import { renderReceiptPdf, SANDBOX_RECEIPT_NOTE, winAnsiSafe } from "./receipt-pdf";

const RECEIPT: LinkPaymentReceipt = {
  paymentId: "a1b2c3d4e5f6a7b8c9d0e1f2",
  merchantName: "Nairobi Jazz Club",
  linkName: "Concert ticket",
  shortCode: "k7m2p9xq",
  referenceId: "Xq7Lm2Pa",
  referenceNumber: 7,
  outcome: "successful",
  status: "SUCCESSFUL",
  reason: null,
  currency: "KES",
  amount: "150000",
  fee: "2500",
  totalPaid: "152500",
  network: "MPESA",
  phoneMasked: "•••• ••0 001",
  payerName: "Jane Mary Doe",
  createdAt: "2026-07-14T10:32:00.000Z",
  completedAt: "2026-07-14T10:32:06.000Z",
  sandbox: false,
};

/** The text drawn on a page: pdf-lib writes the standard fonts' text as hex strings (WinAnsi bytes). */
function pageText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  let out = "";
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(s).decode()).toString("latin1");
    for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) out += `${Buffer.from(m[1], "hex").toString("latin1")}\n`;
  }
  return out;
}

async function textOf(bytes: Uint8Array): Promise<{ text: string; pages: number; title: string | undefined }> {
  const doc = await PDFDocument.load(bytes);
  return { text: doc.getPages().map(pageText).join("\n"), pages: doc.getPageCount(), title: doc.getTitle() };
}

describe("renderReceiptPdf", () => {
  it("is a PDF with the merchant, 'Receipt' and the success page's lines", async () => {
    const bytes = await renderReceiptPdf(RECEIPT);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const { text, pages, title } = await textOf(bytes);
    expect(pages).toBe(1);
    expect(title).toBe("Receipt Xq7Lm2Pa");
    for (const s of ["Nairobi Jazz Club", "Receipt", "Concert ticket", "Xq7Lm2Pa", "14 Jul 2026, 10:32 UTC", "KES 1,500.00", "KES 25.00", "KES 1,525.00", "M-Pesa", "Jane Mary Doe"]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain("SANDBOX");
  });

  it("says SANDBOX when no real money moved", async () => {
    const { text } = await textOf(await renderReceiptPdf({ ...RECEIPT, sandbox: true }));
    // WinAnsi's em dash is byte 0x97.
    expect(text).toContain(Buffer.from(SANDBOX_RECEIPT_NOTE.replace("—", "\u0097"), "latin1").toString("latin1"));
    expect(text).toContain("SANDBOX");
  });

  it("survives names WinAnsi cannot encode (emoji, Chinese): they become '?'", async () => {
    const bytes = await renderReceiptPdf({
      ...RECEIPT,
      merchantName: "北京咖啡 ☕ Café",
      linkName: "Ticket 🎟️ 演唱会\u200b",
      payerName: "王小明 😀",
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const { text } = await textOf(bytes);
    expect(text).toContain("???? ? Caf\u00e9");
    expect(text).toContain("Ticket ? ???");
    expect(text).toContain("??? ?");
  });

  it("says so when the payment is not (yet) successful", async () => {
    expect((await textOf(await renderReceiptPdf({ ...RECEIPT, outcome: "pending" }))).text).toContain("Payment pending");
    const failed = await textOf(await renderReceiptPdf({ ...RECEIPT, outcome: "failed", reason: "Account not found" }));
    expect(failed.text).toContain("Payment failed");
    expect(failed.text).toContain("Account not found");
    expect(failed.text).not.toContain("Payment successful");
  });

  it("wraps very long names instead of drawing past the page", async () => {
    const long = "A very long merchant name ".repeat(20);
    const bytes = await renderReceiptPdf({ ...RECEIPT, merchantName: long, linkName: "x".repeat(300), payerName: long });
    const { pages } = await textOf(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
  });
});

describe("winAnsiSafe", () => {
  it("keeps what WinAnsi has, replaces the rest, drops invisible characters, turns controls into spaces", async () => {
    const doc = await PDFDocument.create();
    const safe = winAnsiSafe(await doc.embedFont(StandardFonts.Helvetica));
    expect(safe("Café — 10 € • ok")).toBe("Café — 10 € • ok");
    expect(safe("a\u2212b \u2192 c")).toBe("a-b -> c");
    expect(safe("中文 😀")).toBe("?? ?");
    expect(safe("a\u200bb\ufe0fc")).toBe("abc");
    expect(safe("line\nbreak\ttab")).toBe("line break tab");
    expect(safe("e\u0301")).toBe("é");
  });
});
