import { describe, expect, it } from "vitest";
import type { CheckoutView } from "./get-checkout";
import type { LinkPaymentReceipt } from "./receipt";
import {
  accentOf, checkoutPage, DEFAULT_ACCENT, errorPage, failedPage, palette, receiptRows, successPage, waitingPage,
  type CheckoutFormState,
} from "./checkout-html";

const XSS = "<script>alert(1)</script>";

const VIEW: CheckoutView = {
  shortCode: "k7m2p9xq",
  merchantName: "Nairobi Jazz Club",
  brandColor: "#0F766E",
  hasLogo: true,
  name: "Concert ticket",
  description: "Entry for one",
  linkType: "STANDARD",
  pricing: "FIXED",
  currency: "KES",
  country: "KE",
  countryName: "Kenya",
  callingCode: "+254",
  networks: ["MPESA", "AIRTEL"],
  amount: "150000",
  minAmount: null,
  maxAmount: null,
  packages: [],
  customerFields: { name: "REQUIRED", email: "OPTIONAL", phone: "REQUIRED" },
  methods: [{ value: "MOBILE_MONEY", label: "Mobile money", enabled: true }],
  status: "active",
  refusal: null,
  sandbox: false,
  payerFee: null,
};
const STATE: CheckoutFormState = { idempotencyKey: "0b6f7c1e-6a2a-4c8e-9c55-2d1c0b0a9f11" };

const RECEIPT: LinkPaymentReceipt = {
  paymentId: "a1b2c3d4e5f6a7b8c9d0e1f2",
  merchantName: "Nairobi Jazz Club",
  linkName: "Concert ticket",
  shortCode: "k7m2p9xq",
  referenceId: "Xq7Lm2Pa",
  referenceNumber: 7,
  outcome: "pending",
  status: "PENDING",
  reason: null,
  currency: "KES",
  amount: "150000",
  fee: "2500",
  totalPaid: "152500",
  network: "MPESA",
  phoneMasked: "•••• ••0 001",
  payerName: "Jane Mary Doe",
  createdAt: "2026-07-14T10:32:00.000Z",
  completedAt: null,
  sandbox: true,
};

const page = (view: Partial<CheckoutView> = {}, state: Partial<CheckoutFormState> = {}) =>
  checkoutPage({ ...VIEW, ...view }, { ...STATE, ...state }).toString();

/** The opening tag of the element with this id. */
function tagWithId(doc: string, id: string): string {
  const m = new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(doc);
  if (!m) throw new Error(`no element #${id}`);
  return m[0];
}

describe("the layout", () => {
  it("is a whole document: doctype, lang, viewport, title, one inline style, no script", () => {
    const doc = page();
    expect(doc.startsWith("<!doctype html>")).toBe(true);
    expect(doc).toContain('<html lang="en">');
    expect(doc).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(doc).toContain("<title>Pay Nairobi Jazz Club: Concert ticket</title>");
    expect(doc.match(/<style>/g)).toHaveLength(1);
    expect(doc).toContain("prefers-color-scheme:dark");
    expect(doc).not.toMatch(/<script/i);
  });

  it("uses a #rrggbb brand colour as the accent, anything else falls back to the default", () => {
    expect(accentOf("#0F766E")).toBe("#0f766e");
    for (const bad of ["red;}", "#fff", "#0f766e;}body{display:none", "url(x)", "", null, undefined]) {
      expect(accentOf(bad)).toBe(DEFAULT_ACCENT);
    }
    expect(page()).toContain("--accent:#0f766e");
    const doc = page({ brandColor: "red;}</style><script>alert(1)</script>" });
    expect(doc).toContain(`--accent:${DEFAULT_ACCENT}`);
    expect(doc).not.toContain("red;}");
    expect(doc).not.toMatch(/<script/i);
  });

  it("reads on any accent: dark text on a pale one, a neutral focus ink when the accent is invisible on the card", () => {
    expect(palette("#ffe14d").onAccent).toBe("#111827");
    expect(palette("#7c3aed").onAccent).toBe("#ffffff");
    expect(palette("#ffffff").inkLight).not.toBe("#ffffff");
    expect(palette("#000000").inkDark).not.toBe("#000000");
  });
});

describe("checkoutPage", () => {
  it("shows the merchant, its logo, what is paid for and a fixed amount on the Pay button", () => {
    const doc = page({ linkType: "INVOICE" });
    expect(doc).toContain("Nairobi Jazz Club");
    expect(doc).toContain('src="/l/k7m2p9xq/logo"');
    expect(doc).toContain("<h1>Concert ticket</h1>");
    expect(doc).toContain("Entry for one");
    expect(doc).toContain("Invoice");
    expect(doc).toContain("KES 1,500.00");
    expect(doc).toMatch(/<button type="submit" class="btn">Pay KES 1,500.00<\/button>/);
    expect(doc).not.toContain("Sandbox");
  });

  it("marks a sandbox link", () => {
    expect(page({ sandbox: true })).toContain('<span class="badge">Sandbox</span>');
  });

  it("posts to the same URL with the short code and the idempotency key as hidden inputs", () => {
    const doc = page();
    expect(doc).toContain('<form method="post" action="/l/k7m2p9xq"');
    expect(doc).toContain('<input type="hidden" name="shortCode" value="k7m2p9xq">');
    expect(doc).toContain(`<input type="hidden" name="idempotencyKey" value="${STATE.idempotencyKey}">`);
    expect(doc).toContain('<input type="hidden" name="method" value="MOBILE_MONEY">');
  });

  it("VARIABLE: an amount input with its range", () => {
    const doc = page({ pricing: "VARIABLE", amount: null, minAmount: "10000", maxAmount: "500000" });
    expect(tagWithId(doc, "amount")).toContain('name="amount"');
    expect(doc).toContain('<label class="lbl" for="amount">Amount</label>');
    expect(doc).toContain("Between KES 100.00 and KES 5,000.00");
    expect(doc).toMatch(/>Pay<\/button>/);
  });

  it("CUSTOMER_CHOICE: a free amount (with a minimum when there is one)", () => {
    expect(page({ pricing: "CUSTOMER_CHOICE", amount: null })).toContain("Enter the amount you want to pay");
    expect(page({ pricing: "CUSTOMER_CHOICE", amount: null, minAmount: "5000" })).toContain("At least KES 50.00");
  });

  it("PACKAGE: a radio per tier, the chosen one kept", () => {
    const doc = page(
      { pricing: "PACKAGE", amount: null, packages: [{ label: "Regular", amount: "150000" }, { label: XSS, amount: "500000" }] },
      { values: { packageIndex: "1" } },
    );
    expect(doc.match(/type="radio" id="pkg-\d" name="packageIndex"/g)).toHaveLength(2);
    expect(tagWithId(doc, "pkg-1")).toContain("checked");
    expect(tagWithId(doc, "pkg-0")).not.toContain("checked");
    expect(doc).toContain("KES 5,000.00");
    expect(doc).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(doc).not.toMatch(/<script/i);
  });

  it("customer fields as configured: required, (optional), hidden left out", () => {
    const doc = page({ customerFields: { name: "OPTIONAL", email: "HIDDEN", phone: "REQUIRED" } });
    expect(doc).toContain('<label class="lbl" for="name">Name <span class="opt">(optional)</span></label>');
    expect(tagWithId(doc, "name")).not.toContain("required");
    expect(doc).not.toContain('name="email"');
    const req = page({ customerFields: { name: "HIDDEN", email: "REQUIRED", phone: "REQUIRED" } });
    expect(req).not.toContain('name="name"');
    expect(tagWithId(req, "email")).toContain("required");
    expect(tagWithId(req, "email")).toContain('type="email"');
  });

  it("the phone: labelled, with the calling code beside it, and the network select", () => {
    const doc = page();
    expect(doc).toContain('<label class="lbl" for="phoneNumber">Mobile money number</label>');
    expect(doc).toMatch(/<span class="prefix" id="phoneNumber-cc"[^>]*>\+254<\/span>/);
    expect(tagWithId(doc, "phoneNumber")).toContain('type="tel"');
    expect(doc).toContain('<label class="lbl" for="network">Network</label>');
    expect(doc).toMatch(/<select id="network" name="network"[^>]*>\s*<option value="">Detect from number<\/option>/);
    expect(doc).toContain('<option value="MPESA">M-Pesa</option>');
  });

  it("methods: the enabled ones as radios, the others disabled and 'Not enabled'", () => {
    const doc = page({
      methods: [
        { value: "MOBILE_MONEY", label: "Mobile money", enabled: true },
        { value: "CARD", label: "Card", enabled: false },
      ],
    });
    expect(doc).toMatch(/<input type="radio" name="method" value="MOBILE_MONEY" checked>/);
    expect(doc).toMatch(/<input type="radio" name="method" value="CARD" disabled>/);
    expect(doc).toContain("Not enabled");
    expect(doc).not.toContain('type="hidden" name="method"');
  });

  it("keeps the typed values (escaped) and ties each field error to its input", () => {
    const doc = page(
      { pricing: "VARIABLE", amount: null, minAmount: "10000", maxAmount: "500000" },
      {
        values: { amount: '5" autofocus onfocus="alert(1)', name: XSS, phoneNumber: "0712", network: "AIRTEL" },
        fieldErrors: { amount: ["Amount outside allowed range"], phoneNumber: ["Enter a valid number"] },
      },
    );
    const amount = tagWithId(doc, "amount");
    expect(amount).toContain('value="5&quot; autofocus onfocus=&quot;alert(1)"');
    expect(amount).toContain('aria-invalid="true"');
    expect(amount).toMatch(/aria-describedby="[^"]*\bamount-error\b[^"]*"/);
    expect(tagWithId(doc, "amount-error")).toContain('class="err"');
    expect(doc).toContain('<p class="err" id="amount-error">Amount outside allowed range</p>');
    const phone = tagWithId(doc, "phoneNumber");
    expect(phone).toContain('value="0712"');
    expect(phone).toContain('aria-invalid="true"');
    expect(phone).toMatch(/aria-describedby="[^"]*\bphoneNumber-error\b/);
    expect(tagWithId(doc, "name")).not.toContain("aria-invalid");
    expect(tagWithId(doc, "name")).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(doc).toContain('<option value="AIRTEL" selected>');
    // The first invalid field takes the focus, and only that one.
    expect(amount).toContain(" autofocus");
    expect(phone).not.toContain("autofocus");
    expect(doc).toContain('role="alert"');
    expect(doc).not.toMatch(/<script/i);
  });

  it("a message for the whole form is an alert; errors with no field on the page are listed in it", () => {
    const doc = page({}, { message: "Too many payment attempts. Please wait a few minutes and try again." });
    expect(doc).toMatch(/<div class="alert" role="alert" id="form-error">Too many payment attempts/);
    const stray = page({}, { fieldErrors: { idempotencyKey: ["The idempotency key is invalid"] } });
    expect(stray).toContain("The idempotency key is invalid");
    expect(stray).toContain('role="alert"');
    expect(page()).not.toContain('role="alert"');
  });

  it("a refused link shows the refusal instead of the form", () => {
    const doc = page({ refusal: "Payment link has expired", status: "expired" });
    expect(doc).toContain("Payment link has expired");
    expect(doc).not.toMatch(/<form/i);
    expect(doc).not.toContain("idempotencyKey");
  });

  it("a link with no enabled method has no form either", () => {
    const doc = page({ methods: [{ value: "CARD", label: "Card", enabled: false }] });
    expect(doc).not.toMatch(/<form/i);
  });

  it("escapes everything the merchant controls", () => {
    const doc = page({ name: XSS, description: `<img src=x onerror=alert(1)> & "quotes"`, merchantName: `<b>Evil</b> "Co"` });
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toContain("<img src=x");
    expect(doc).not.toContain("<b>Evil</b>");
    expect(doc).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(doc).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
    expect(doc).toContain("&lt;b&gt;Evil&lt;/b&gt; &quot;Co&quot;");
  });

  it("shows nothing of the integrator beyond its name and brand", () => {
    // Even if a caller handed it a view with the link record's other fields spread in.
    const leaky = { integratorId: "int_7f3a9", callbackUrl: "https://merchant.example/hook", currentUses: 41, maxUses: 100, createdBy: "ops@merchant.example" };
    const doc = page(leaky as Partial<CheckoutView>);
    for (const v of ["int_7f3a9", "merchant.example", "41", "ops@"]) expect(doc).not.toContain(v);
    expect(doc).not.toMatch(/integrator|callback/i);
  });
});

describe("after Pay", () => {
  it("waiting: asks to approve on the phone, refreshes itself, and links to itself", () => {
    const doc = waitingPage(RECEIPT, VIEW).toString();
    expect(doc).toContain("Check your phone to approve the payment");
    expect(doc).toContain('<meta http-equiv="refresh" content="3">');
    expect(doc).toContain("KES 1,525.00");
    expect(doc).toContain("•••• ••0 001");
    expect(doc).toContain('href="/l/k7m2p9xq/p/a1b2c3d4e5f6a7b8c9d0e1f2"');
    expect(doc).toContain("I've approved it — check now");
    expect(doc).not.toMatch(/<script/i);
  });

  it("success: the receipt's lines and the PDF link", () => {
    const doc = successPage({ ...RECEIPT, outcome: "successful", status: "SUCCESSFUL", completedAt: "2026-07-14T10:32:06.000Z" }, VIEW).toString();
    expect(doc).toContain("Payment successful");
    for (const text of ["Nairobi Jazz Club", "Concert ticket", "Xq7Lm2Pa", "14 Jul 2026, 10:32 UTC", "KES 1,500.00", "KES 25.00", "KES 1,525.00", "M-Pesa", "•••• ••0 001", "Jane Mary Doe"]) {
      expect(doc).toContain(text);
    }
    expect(doc).toContain('href="/l/k7m2p9xq/p/a1b2c3d4e5f6a7b8c9d0e1f2/receipt"');
    expect(doc).toContain("Download receipt (PDF)");
    expect(doc).not.toContain("http-equiv");
    expect(doc).not.toMatch(/<script/i);
  });

  it("the fee is what the payer paid on top: none when the merchant bears it", () => {
    const rows = receiptRows({ ...RECEIPT, totalPaid: "150000", fee: "2500" });
    expect(rows.find((r) => r.label === "Fee")?.value).toBe("KES 0.00");
    expect(rows.find((r) => r.label === "Total paid")?.value).toBe("KES 1,500.00");
  });

  it("failed: the reason and Try again back to the link", () => {
    const doc = failedPage({ ...RECEIPT, outcome: "failed", status: "FAILED", reason: "Insufficient funds in the customer's account" }).toString();
    expect(doc).toContain("Payment failed");
    expect(doc).toContain("Insufficient funds in the customer&#39;s account");
    expect(doc).toMatch(/<a class="btn" href="\/l\/k7m2p9xq">Try again<\/a>/);
    expect(doc).not.toMatch(/<script/i);
  });

  it("escapes the receipt's names", () => {
    const r = { ...RECEIPT, merchantName: XSS, linkName: XSS, payerName: XSS, reason: XSS };
    for (const doc of [waitingPage(r), successPage({ ...r, outcome: "successful" }), failedPage({ ...r, outcome: "failed" })].map(String)) {
      expect(doc).not.toMatch(/<script/i);
      expect(doc).toContain("&lt;script&gt;");
    }
  });
});

describe("errorPage", () => {
  it("404 says the link does not exist and nothing else", () => {
    const doc = errorPage(404, "Payment link not found.").toString();
    expect(doc).toContain("This payment link does not exist");
    expect(doc).not.toContain("Payment link not found.");
    expect(doc).not.toMatch(/<script|<form|integrator/i);
  });

  it("429, 409 and others show their message escaped; 500 a generic one", () => {
    expect(errorPage(429, "Too many payment attempts.").toString()).toContain("Too many payment attempts.");
    expect(errorPage(409, XSS).toString()).toContain("&lt;script&gt;");
    const e500 = errorPage(500, "db exploded at row 7").toString();
    expect(e500).toContain("Something went wrong");
    expect(e500).not.toContain("db exploded");
    for (const s of [400, 404, 409, 413, 429, 500, 503]) expect(errorPage(s, XSS).toString()).not.toMatch(/<script/i);
  });
});

describe("the payer's fee before Pay", () => {
  it("a fixed amount shows the total with the fee and the button charges it; a typed amount says the rule", () => {
    const fixed = checkoutPage(
      { ...VIEW, pricing: "FIXED", amount: "50000", payerFee: { fixedTotal: "51000", packageTotals: [], rule: "1.5% (at least KES 10.00)" } },
      { idempotencyKey: "0123456789abcdef" },
    ).toString();
    expect(fixed).toContain("KES 500.00 + KES 10.00 fee");
    expect(fixed).toContain("Pay KES 510.00");
    const typed = checkoutPage(
      { ...VIEW, pricing: "CUSTOMER_CHOICE", amount: null, payerFee: { fixedTotal: null, packageTotals: [], rule: "1.5% (at least KES 10.00)" } },
      { idempotencyKey: "0123456789abcdef" },
    ).toString();
    expect(typed).toContain("A fee of 1.5% (at least KES 10.00) is added.");
  });
});
