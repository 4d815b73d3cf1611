/**
 * A link payment's receipt as a PDF (pdf-lib, the standard Helvetica fonts: nothing to embed, no
 * file to read). The same lines as the success page (`receiptRows`). Used by the checkout's
 * "Download receipt (PDF)" and by the dashboard's per-payment receipt.
 *
 * The standard fonts speak WinAnsi only: every character they cannot encode (Chinese, emoji, most
 * of Unicode) is replaced with "?" before it is drawn, so a payer's or a merchant's name never
 * makes the PDF fail.
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { formatMoney } from "@/lib/money";
import type { LinkPaymentReceipt } from "./receipt";
import { receiptRows } from "./checkout-html";

export const SANDBOX_RECEIPT_NOTE = "SANDBOX — no real money moved";

/** Characters WinAnsi lacks that have a readable stand-in (anything else it lacks is "?"). */
const STAND_INS: Record<string, string> = {
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2015": "-", // horizontal bar
  "\u2212": "-", // minus
  "\u2022": "*", // bullet (Helvetica has one; a font without it gets the star)
  "\u2023": ">",
  "\u2043": "-",
  "\u2190": "<-",
  "\u2192": "->",
  "\u2032": "'",
  "\u2033": '"',
};
/** Invisible characters dropped outright (soft hyphen, joiners, direction marks, variation selectors, BOM). */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]/;

/** A function that makes any text drawable in `font`: unknown characters become a stand-in or "?", control characters a space. */
export function winAnsiSafe(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) => {
    let out = "";
    for (const ch of text.normalize("NFC")) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += " ";
      else if (INVISIBLE.test(ch)) continue;
      else if (known.has(cp)) out += ch;
      else out += STAND_INS[ch] ?? "?";
    }
    return out;
  };
}

/** Greedy word wrap to `maxWidth`; a word longer than a line is broken where it must be. */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (width(rest) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && width(rest.slice(0, cut)) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

const INK = rgb(0.07, 0.09, 0.15);
const MUTED = rgb(0.36, 0.39, 0.45);
const LINE = rgb(0.88, 0.89, 0.91);
const ACCENT = rgb(0.486, 0.227, 0.929); // #7c3aed
const OK = rgb(0.024, 0.463, 0.278);
const BAD = rgb(0.706, 0.137, 0.094);
const OUTCOME_LINE: Record<string, { text: string; color: RGB }> = {
  successful: { text: "Payment successful", color: OK },
  pending: { text: "Payment pending", color: MUTED },
  failed: { text: "Payment failed", color: BAD },
};

export async function renderReceiptPdf(receipt: LinkPaymentReceipt): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = winAnsiSafe(regular);

  doc.setTitle(safe(`Receipt ${receipt.referenceId}`));
  doc.setSubject(safe(`Payment to ${receipt.merchantName}`));
  doc.setAuthor(safe(receipt.merchantName));
  doc.setCreator("Kotani Pay");
  doc.setProducer("Kotani Pay");
  doc.setCreationDate(new Date(receipt.completedAt ?? receipt.createdAt));

  let page: PDFPage = doc.addPage(PageSizes.A5);
  const { width, height } = page.getSize();
  const margin = 40;
  const FOOTER_TOP = margin + 40;
  const right = width - margin;
  const content = right - margin;
  let y = height - margin;

  const text = (s: string, x: number, size: number, font: PDFFont, color: RGB = INK) => page.drawText(s, { x, y, size, font, color });
  const rightAligned = (s: string, size: number, font: PDFFont, color: RGB = INK) => text(s, right - font.widthOfTextAtSize(s, size), size, font, color);

  // Accent bar, merchant, title.
  page.drawRectangle({ x: 0, y: height - 8, width, height: 8, color: ACCENT });
  y -= 14;
  for (const line of wrap(safe(receipt.merchantName), bold, 15, content)) {
    text(line, margin, 15, bold);
    y -= 19;
  }
  y -= 8;
  text("Receipt", margin, 24, bold);
  y -= 22;
  // The checkout offers the PDF only once the payment succeeded; the dashboard may ask for any.
  const outcome = OUTCOME_LINE[receipt.outcome] ?? OUTCOME_LINE.pending;
  text(outcome.text, margin, 11, bold, outcome.color);
  if (receipt.outcome === "failed" && receipt.reason) {
    for (const line of wrap(safe(receipt.reason), regular, 10, content)) {
      y -= 14;
      text(line, margin, 10, regular, MUTED);
    }
  }
  y -= 30;

  // The total, large.
  text("Total paid", margin, 10, regular, MUTED);
  y -= 24;
  text(safe(formatMoney(receipt.totalPaid, receipt.currency)), margin, 22, bold);
  y -= 20;

  if (receipt.sandbox) {
    const note = safe(SANDBOX_RECEIPT_NOTE);
    page.drawRectangle({ x: margin, y: y - 8, width: content, height: 24, color: rgb(1, 0.94, 0.78), borderColor: rgb(0.99, 0.87, 0.54), borderWidth: 1 });
    text(note, margin + 10, 10, bold, rgb(0.48, 0.18, 0.05));
    y -= 30;
  }

  // The lines: label left, value right (wrapped within the right 62%).
  y -= 6;
  page.drawLine({ start: { x: margin, y }, end: { x: right, y }, thickness: 0.75, color: LINE });
  const valueWidth = content * 0.62;
  for (const row of receiptRows(receipt)) {
    const total = row.label === "Total paid";
    const font = total ? bold : regular;
    const lines = wrap(safe(row.value), font, 10.5, valueWidth);
    // Very long names: carry on on a new page rather than over the footer.
    if (y - 26 - 14 * (lines.length - 1) < FOOTER_TOP) {
      page = doc.addPage(PageSizes.A5);
      y = height - margin;
    }
    y -= 17;
    text(safe(row.label), margin, 10, total ? bold : regular, total ? INK : MUTED);
    lines.forEach((line, i) => {
      if (i > 0) y -= 14;
      rightAligned(line, 10.5, font);
    });
    y -= 9;
    page.drawLine({ start: { x: margin, y }, end: { x: right, y }, thickness: 0.75, color: LINE });
  }

  // Footer (on the last page).
  y = margin + 14;
  text("Thank you for your payment.", margin, 9.5, regular, MUTED);
  y -= 13;
  text(safe(`Reference ${receipt.referenceId} - processed by Kotani Pay`), margin, 8.5, regular, MUTED);

  await writeWidths(doc, regular);
  await writeWidths(doc, bold);
  return doc.save();
}

/** WinAnsi (cp1252) codes 0x80–0x9F; the rest of 0x20–0xFF is Latin-1 (0 = undefined). Node decodes "windows-1252" as Latin-1, so spelled out. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
const winAnsiChar = (code: number) => String.fromCodePoint(code >= 0x80 && code < 0xa0 ? CP1252_HIGH[code - 0x80] : code);

/**
 * Writes the font's glyph widths into its dictionary. pdf-lib leaves them out for the standard
 * fonts (PDF allows it), and a viewer without Helvetica then sets the text in a substitute with
 * its own widths: right-aligned columns come out ragged. With /Widths every viewer spaces the
 * glyphs as they were measured here. Call after the last drawText (drawing again re-embeds).
 */
async function writeWidths(doc: PDFDocument, font: PDFFont): Promise<void> {
  await font.embed();
  const dict = doc.context.lookup(font.ref, PDFDict);
  const widths: PDFNumber[] = [];
  for (let code = 32; code <= 255; code++) {
    let width = 0;
    try {
      width = font.widthOfTextAtSize(winAnsiChar(code), 1000);
    } catch {
      // A code WinAnsi leaves undefined.
    }
    widths.push(PDFNumber.of(Math.round(width)));
  }
  dict.set(PDFName.of("FirstChar"), PDFNumber.of(32));
  dict.set(PDFName.of("LastChar"), PDFNumber.of(255));
  dict.set(PDFName.of("Widths"), doc.context.obj(widths));
}
