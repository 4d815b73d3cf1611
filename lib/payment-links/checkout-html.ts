/**
 * The hosted checkout's pages (/l/{code}): whole HTML documents built with the escaping template,
 * with one inline <style> and no script at all (the page must work without JavaScript and ship
 * none). Pure: the route handlers fetch, these render. Every text a payer or a merchant controls
 * (names, descriptions, typed values, messages) is interpolated, hence escaped; the brand colour
 * is used only when it is exactly `#rrggbb`.
 *
 * What the payer sees of the merchant: its name, logo and colour. Nothing else (no ids, no
 * e-mail, no callback URL, no counts).
 */
import { html, type SafeHtml } from "@/lib/http/html";
import { formatMoney } from "@/lib/money";
import type { CheckoutView } from "./get-checkout";
import type { LinkPaymentReceipt } from "./receipt";
import { LINK_TYPE_LABEL, type LinkType } from "./schemas";

/** The fields of the Pay form, as typed (re-rendered after a refusal). */
export const CHECKOUT_FIELDS = ["amount", "packageIndex", "name", "email", "phoneNumber", "network", "method"] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

export interface CheckoutFormState {
  values?: Partial<Record<CheckoutField, string>>;
  fieldErrors?: Record<string, string[]>;
  /** A message for the whole form (role="alert"): a refusal, the throttle, a failure. */
  message?: string | null;
  idempotencyKey: string;
}

/** What a page needs to wear the merchant's brand. */
export type CheckoutBrand = Pick<CheckoutView, "shortCode" | "merchantName" | "brandColor" | "hasLogo" | "sandbox">;

// ---------------------------------------------------------------------------------------------
// Colours: the merchant's accent, and what reads on it

export const DEFAULT_ACCENT = "#7c3aed";
const HEX = /^#[0-9a-fA-F]{6}$/;

/** The brand colour when it is exactly #rrggbb, else the default: it goes into CSS, so nothing else passes. */
export function accentOf(brandColor: string | null | undefined): string {
  return typeof brandColor === "string" && HEX.test(brandColor) ? brandColor.toLowerCase() : DEFAULT_ACCENT;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const LIGHT_CARD = "#ffffff";
const DARK_CARD = "#17181c";

/**
 * The accent and its companions: the text on it (white or near-black, whichever contrasts more),
 * and the "ink" for focus rings, links and selected choices on the card, which falls back to a
 * neutral when the brand colour is too pale (light mode) or too dark (dark mode) to be seen.
 */
export function palette(brandColor: string | null | undefined) {
  const accent = accentOf(brandColor);
  const onAccent = contrast(accent, "#ffffff") >= contrast(accent, "#111827") ? "#ffffff" : "#111827";
  return {
    accent,
    onAccent,
    inkLight: contrast(accent, LIGHT_CARD) >= 3 ? accent : "#1f2937",
    inkDark: contrast(accent, DARK_CARD) >= 3 ? accent : "#e5e7eb",
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting shared with the PDF receipt

const NETWORK_LABEL: Record<string, string> = {
  MPESA: "M-Pesa",
  AIRTEL: "Airtel Money",
  MTN: "MTN Mobile Money",
  VODAFONE: "Vodafone Cash",
  VODACOM: "Vodacom",
  ORANGE: "Orange Money",
  MOOV: "Moov Money",
  WAVE: "Wave",
  FREE: "Free Money",
  EXPRESSO: "E-Money (Expresso)",
  ZAMTEL: "Zamtel Kwacha",
  YAS: "Mixx by Yas",
  HALOPESA: "HaloPesa",
};

export function networkLabel(network: string): string {
  return NETWORK_LABEL[network] ?? network;
}

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "14 Jul 2026, 10:32 UTC": the payer's zone is unknown to the server, so say which one it is. */
export function formatReceiptDate(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${DATE.format(at)} UTC`;
}

function minus(a: string, b: string): bigint {
  try {
    const d = BigInt(a) - BigInt(b);
    return d > 0n ? d : 0n;
  } catch {
    return 0n;
  }
}

/**
 * The receipt's lines, in order: the success page and the PDF show the same. The fee is what the
 * payer paid on top of the amount (zero when the merchant bears it: what the merchant pays the
 * platform is not the payer's business).
 */
export function receiptRows(r: LinkPaymentReceipt): { label: string; value: string }[] {
  const rows = [
    { label: "Merchant", value: r.merchantName },
    { label: "Paid for", value: r.linkName },
    { label: "Reference", value: r.referenceId },
    { label: "Date", value: formatReceiptDate(r.completedAt ?? r.createdAt) },
    { label: "Amount", value: formatMoney(r.amount, r.currency) },
    { label: "Fee", value: formatMoney(minus(r.totalPaid, r.amount), r.currency) },
    { label: "Total paid", value: formatMoney(r.totalPaid, r.currency) },
  ];
  if (r.network) rows.push({ label: "Network", value: networkLabel(r.network) });
  if (r.phoneMasked) rows.push({ label: "Paid from", value: r.phoneMasked });
  if (r.payerName) rows.push({ label: "Payer", value: r.payerName });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Paths

const enc = encodeURIComponent;
export const checkoutPath = (shortCode: string) => `/l/${enc(shortCode)}`;
export const paymentPath = (shortCode: string, paymentId: string) => `/l/${enc(shortCode)}/p/${enc(paymentId)}`;
export const receiptPdfPath = (shortCode: string, paymentId: string) => `${paymentPath(shortCode, paymentId)}/receipt`;
export const logoPath = (shortCode: string) => `/l/${enc(shortCode)}/logo`;

// ---------------------------------------------------------------------------------------------
// Layout

const PACKAGE_BUTTON_RULES = Array.from(
  { length: 10 },
  (_, i) => html`form:has(#pkg-${i}:checked) .pay-pk-${i}{display:inline}`,
);

function styles(brandColor: string | null | undefined): SafeHtml {
  const p = palette(brandColor);
  return html`<style>
:root{color-scheme:light dark;--bg:#f3f4f6;--card:${LIGHT_CARD};--text:#111827;--muted:#4b5563;--border:#d1d5db;--line:#e5e7eb;--field:#fff;--soft:#f9fafb;
--danger:#b42318;--danger-bg:#fef3f2;--danger-line:#fecdca;--ok:#067647;--ok-bg:#dcfae6;--warn:#93370d;--warn-bg:#fef0c7;
--accent:${p.accent};--on-accent:${p.onAccent};--ink:${p.inkLight};--shadow:0 1px 2px rgba(16,24,40,.05),0 16px 40px -16px rgba(16,24,40,.22)}
@media (prefers-color-scheme:dark){:root{--bg:#0b0c0f;--card:${DARK_CARD};--text:#f3f4f6;--muted:#a4abb8;--border:#3a3d45;--line:#2a2c32;--field:#101114;--soft:#1f2126;
--danger:#fda29b;--danger-bg:#2d1613;--danger-line:#6a2a22;--ok:#75e0a7;--ok-bg:#0e2c1c;--warn:#fec84b;--warn-bg:#2e2109;--ink:${p.inkDark};--shadow:0 1px 2px rgba(0,0,0,.4),0 16px 40px -16px rgba(0,0,0,.7)}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100vh;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;padding:24px 12px 40px}
main{max-width:440px;margin:0 auto}
@media (min-width:640px){body{padding-top:56px}}
.card{background:var(--card);border:1px solid var(--line);border-radius:16px;box-shadow:var(--shadow);overflow:hidden}
.head{background:var(--accent);color:var(--on-accent);padding:16px 20px;display:flex;align-items:center;gap:12px;min-height:72px}
.logo,.mono{width:44px;height:44px;border-radius:10px;flex:none;background:#fff}
.logo{object-fit:contain;padding:3px;display:block}
.mono{display:flex;align-items:center;justify-content:center;font-weight:700;font-size:20px;color:#111827}
.merchant{font-weight:600;font-size:17px;line-height:1.3;overflow-wrap:anywhere;flex:1;min-width:0}
.badge{flex:none;font-size:12px;font-weight:700;letter-spacing:.02em;padding:3px 9px;border-radius:999px;background:#fef0c7;color:#7a2e0e;border:1px solid #fedf89}
.sandbox{margin:0;background:var(--warn-bg);color:var(--warn);font-size:13px;padding:8px 20px;border-bottom:1px solid var(--line)}
.body{padding:20px 20px 24px}
.kind{display:inline-block;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 4px}
h1{font-size:20px;line-height:1.3;margin:0;overflow-wrap:anywhere}
.desc{color:var(--muted);margin:6px 0 0;white-space:pre-line;overflow-wrap:anywhere}
.due{margin:18px 0 0;padding:14px 16px;border-radius:12px;background:var(--soft);border:1px solid var(--line)}
.due-label{font-size:13px;color:var(--muted);margin:0}
.due-amount{font-size:30px;font-weight:700;letter-spacing:-.01em;line-height:1.2;margin:2px 0 0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.due-fee{font-size:13px;color:var(--muted);margin:2px 0 0;font-variant-numeric:tabular-nums}
.section{margin-top:22px;padding-top:6px;border-top:1px solid var(--line)}
.section>.alert:first-child{margin-top:14px}
.field{margin-top:14px}
label.lbl,.legend{display:block;font-weight:600;font-size:14px;margin:0 0 6px;padding:0}
.opt{font-weight:400;color:var(--muted)}
fieldset{border:0;margin:0;padding:0;min-width:0}
.input,select{display:block;width:100%;height:48px;padding:0 12px;font:inherit;font-size:16px;color:var(--text);background-color:var(--field);border:1px solid var(--border);border-radius:10px;margin:0;min-width:0}
select{appearance:none;-webkit-appearance:none;padding-right:40px;background-image:linear-gradient(45deg,transparent 50%,var(--muted) 50%),linear-gradient(135deg,var(--muted) 50%,transparent 50%);background-position:calc(100% - 20px) 21px,calc(100% - 15px) 21px;background-size:5px 5px,5px 5px;background-repeat:no-repeat}
.group{display:flex;align-items:stretch}
.prefix{display:flex;align-items:center;padding:0 12px;border:1px solid var(--border);border-right:0;border-radius:10px 0 0 10px;background:var(--soft);color:var(--muted);font-weight:600;white-space:nowrap}
.group .input{border-radius:0 10px 10px 0;flex:1}
.input[aria-invalid=true],select[aria-invalid=true]{border-color:var(--danger);box-shadow:0 0 0 1px var(--danger)}
.hint{color:var(--muted);font-size:13px;margin:6px 0 0}
.fee-note{margin-top:2px}
.err{color:var(--danger);font-size:14px;font-weight:500;margin:6px 0 0}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
.input:focus-visible,select:focus-visible{outline:2px solid var(--ink);outline-offset:1px;border-color:var(--ink)}
.choice{display:flex;align-items:center;gap:12px;padding:13px 14px;border:1px solid var(--border);border-radius:12px;margin-top:8px;cursor:pointer;background:var(--field)}
.choice:has(input:checked){border-color:var(--ink);box-shadow:0 0 0 1px var(--ink)}
.choice:has(input:focus-visible){outline:3px solid var(--ink);outline-offset:2px}
.choice input{width:18px;height:18px;margin:0;flex:none;accent-color:var(--ink)}
.choice input:focus-visible{outline:none}
.choice-label{flex:1;min-width:0;overflow-wrap:anywhere}
.choice-amount{font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
.choice.off{cursor:not-allowed;color:var(--muted);background:var(--soft)}
.tag{font-size:12px;font-weight:600;padding:2px 8px;border-radius:999px;border:1px solid var(--border);color:var(--muted);white-space:nowrap}
.invalid .choice{border-color:var(--danger)}
.btn{display:flex;align-items:center;justify-content:center;width:100%;min-height:52px;padding:12px 16px;border:0;border-radius:12px;background:var(--accent);color:var(--on-accent);font:inherit;font-size:17px;font-weight:600;text-align:center;text-decoration:none;cursor:pointer;margin-top:24px}
.btn:hover{filter:brightness(.93)}
.btn.secondary{background:transparent;color:var(--ink);border:1px solid var(--border);font-size:16px;margin-top:12px}
.pay-pk{display:none}
${PACKAGE_BUTTON_RULES}
form:has(input[name=packageIndex]:checked) .pay-any{display:none}
.after{color:var(--muted);font-size:13px;text-align:center;margin:10px 0 0}
.alert{border:1px solid var(--danger-line);background:var(--danger-bg);color:var(--danger);border-radius:10px;padding:12px 14px;margin:0 0 4px;font-weight:500}
.alert ul{margin:4px 0 0;padding-left:20px;font-weight:400}
.notice{margin-top:18px;display:flex;gap:12px;align-items:flex-start;border:1px solid var(--line);background:var(--soft);border-radius:12px;padding:14px}
.notice .info{flex:none;margin-top:1px;color:var(--muted)}
.notice strong{display:block}
.notice p{margin:2px 0 0;color:var(--muted)}
.state{text-align:center;padding-top:28px}
.nowrap{white-space:nowrap}
.state h1{font-size:22px;margin-top:14px}
.state .lead{color:var(--muted);margin:8px 0 0}
.icon{width:64px;height:64px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center}
.icon svg{width:32px;height:32px}
.icon.ok{background:var(--ok-bg);color:var(--ok)}
.icon.bad{background:var(--danger-bg);color:var(--danger)}
.icon.wait{background:var(--soft);color:var(--ink);border:1px solid var(--line)}
.spinner{width:34px;height:34px;border-radius:50%;border:3px solid var(--line);border-top-color:var(--ink);animation:spin 1s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spinner{animation:none}}
.big{font-size:30px;font-weight:700;margin:6px 0 0;font-variant-numeric:tabular-nums}
.receipt{margin:22px 0 0;padding:0;border-top:1px solid var(--line);text-align:left}
.receipt div{display:flex;justify-content:space-between;gap:16px;padding:10px 0;border-bottom:1px solid var(--line)}
.receipt dt{color:var(--muted);flex:none}
.receipt dd{margin:0;text-align:right;font-weight:500;overflow-wrap:anywhere;min-width:0;font-variant-numeric:tabular-nums}
.receipt .total dt,.receipt .total dd{font-weight:700;color:var(--text)}
.foot{margin:18px 0 0;text-align:center;color:var(--muted);font-size:13px;display:flex;align-items:center;justify-content:center;gap:6px}
.foot svg{width:14px;height:14px}
.plain h1{font-size:22px}
.plain p{color:var(--muted)}
.code{font-size:13px;font-weight:700;color:var(--muted);letter-spacing:.06em;margin:0 0 8px}
a{color:var(--ink)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
</style>`;
}

function layout(opts: { title: string; brandColor?: string | null; refreshSeconds?: number; content: SafeHtml }): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : null}
<title>${opts.title}</title>
${styles(opts.brandColor)}
</head>
<body>
<main>
${opts.content}
<p class="foot">${LOCK_ICON}<span>Secure payment by Kotani Pay</span></p>
</main>
</body>
</html>
`;
}

const LOCK_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg>`;
const CHECK_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5"/></svg>`;
const CROSS_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" aria-hidden="true" focusable="false"><path d="M7 7l10 10M17 7L7 17"/></svg>`;
const INFO_ICON = html`<svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true" focusable="false" class="info"><circle cx="12" cy="12" r="9"/><path d="M12 8v5M12 16.5v.01"/></svg>`;

/** The card's coloured header: logo (or the name's initial) and the merchant's name. */
function header(brand: CheckoutBrand): SafeHtml {
  const initial = Array.from(brand.merchantName.trim())[0]?.toUpperCase() ?? "?";
  return html`<header class="head">
${brand.hasLogo ? html`<img class="logo" src="${logoPath(brand.shortCode)}" alt="" width="44" height="44">` : html`<span class="mono" aria-hidden="true">${initial}</span>`}
<span class="merchant">${brand.merchantName}</span>
${brand.sandbox ? html`<span class="badge">Sandbox</span>` : null}
</header>
${brand.sandbox ? html`<p class="sandbox">Test payment: no real money moves.</p>` : null}`;
}

function brandOfReceipt(r: LinkPaymentReceipt, brand?: CheckoutBrand): CheckoutBrand {
  return brand ?? { shortCode: r.shortCode, merchantName: r.merchantName, brandColor: null, hasLogo: false, sandbox: r.sandbox };
}

// ---------------------------------------------------------------------------------------------
// a. The checkout

const typeLabel = (t: string) => LINK_TYPE_LABEL[t as LinkType] ?? t;
const money = (minor: string | null, currency: string) => (minor === null ? null : formatMoney(minor, currency));

function rangeText(view: CheckoutView): string | null {
  const min = money(view.minAmount, view.currency);
  const max = money(view.maxAmount, view.currency);
  if (min && max) return `Between ${min} and ${max}`;
  if (min) return `At least ${min}`;
  if (max) return `At most ${max}`;
  return null;
}

/** Field ids and their describedby: the hint (if any), the error (if any). */
function describe(id: string, hint: boolean, error: string | undefined, extra: string[] = []): SafeHtml {
  const ids = [...extra, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return html`${ids ? html` aria-describedby="${ids}"` : null}${error ? html` aria-invalid="true"` : null}`;
}

function errorLine(id: string, error: string | undefined): SafeHtml | null {
  return error ? html`<p class="err" id="${id}-error">${error}</p>` : null;
}

export function checkoutPage(view: CheckoutView, state: CheckoutFormState): SafeHtml {
  const title = `Pay ${view.merchantName}: ${view.name}`;
  const intro = html`<p class="kind">${typeLabel(view.linkType)}</p>
<h1>${view.name}</h1>
${view.description ? html`<p class="desc">${view.description}</p>` : null}`;
  // When the payer bears the collection fee, what they are charged is the amount plus the fee: say so before Pay.
  const fee = view.payerFee;
  const price = view.pricing === "FIXED" && view.amount !== null ? formatMoney(view.amount, view.currency) : null;
  const fixed = price && fee?.fixedTotal ? formatMoney(fee.fixedTotal, view.currency) : price;
  const feeLine = price && fee?.fixedTotal ? html`<p class="due-fee">${price} + ${formatMoney(BigInt(fee.fixedTotal) - BigInt(view.amount!), view.currency)} fee</p>` : null;
  const due = fixed ? html`<div class="due"><p class="due-label">Amount due</p><p class="due-amount">${fixed}</p>${feeLine}</div>` : null;

  const enabled = view.methods.filter((m) => m.enabled);
  if (view.refusal || enabled.length === 0) {
    const reason = view.refusal ?? "This payment link can't be paid online right now.";
    return layout({
      title,
      brandColor: view.brandColor,
      content: html`<div class="card">${header(view)}<div class="body">${intro}
<div class="notice" role="status">${INFO_ICON}<div><strong>${reason}</strong><p>Contact ${view.merchantName} if you still need to pay.</p></div></div>
</div></div>`,
    });
  }

  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const err = (key: string) => errors[key]?.[0];
  const shown = new Set<string>();
  /** The first field with an error gets the focus when the page loads (no script needed). */
  let focusTaken = false;
  const autofocus = (key: string) => {
    shown.add(key);
    if (!err(key) || focusTaken) return null;
    focusTaken = true;
    return html` autofocus`;
  };

  // The amount: fixed (shown above), a range or a free amount (typed), or a package (chosen).
  let amountPart: SafeHtml | null = null;
  if (view.pricing === "PACKAGE") {
    const chosen = values.packageIndex ?? (view.packages.length === 1 ? "0" : "");
    const e = err("packageIndex");
    const focus = autofocus("packageIndex");
    amountPart = html`<fieldset class="field${e ? " invalid" : ""}" role="radiogroup"${describe("packageIndex", false, e)}>
<legend class="legend">Choose a package</legend>
${view.packages.map(
  (p, i) => html`<label class="choice"><input type="radio" id="pkg-${i}" name="packageIndex" value="${i}"${String(i) === chosen ? html` checked` : null}${i === 0 ? html` required` : null}${i === 0 ? focus : null}>
<span class="choice-label">${p.label}</span><span class="choice-amount">${formatMoney(p.amount, view.currency)}</span></label>`,
)}
${fee ? html`<p class="hint">A fee of ${fee.rule} is added.</p>` : null}
${errorLine("packageIndex", e)}
</fieldset>`;
  } else if (view.pricing !== "FIXED") {
    const e = err("amount");
    const range = rangeText(view);
    const base = range ?? (view.pricing === "CUSTOMER_CHOICE" ? "Enter the amount you want to pay" : null);
    const hint = fee ? `${base ? `${base}. ` : ""}A fee of ${fee.rule} is added.` : base;
    amountPart = html`<div class="field">
<label class="lbl" for="amount">Amount</label>
<div class="group"><span class="prefix" id="amount-currency">${view.currency}</span><input class="input" type="text" id="amount" name="amount" inputmode="decimal" autocomplete="off" required value="${values.amount ?? ""}"${describe("amount", !!hint, e, ["amount-currency"])}${autofocus("amount")}></div>
${hint ? html`<p class="hint" id="amount-hint">${hint}</p>` : null}
${errorLine("amount", e)}
</div>`;
  }

  // The payer's details, as the link asks for them.
  const detail = (key: "name" | "email", label: string, type: string, autocomplete: string) => {
    const mode = view.customerFields[key];
    if (mode === "HIDDEN") return null;
    const e = err(key);
    const required = mode === "REQUIRED";
    return html`<div class="field">
<label class="lbl" for="${key}">${label}${required ? null : html` <span class="opt">(optional)</span>`}</label>
<input class="input" type="${type}" id="${key}" name="${key}" autocomplete="${autocomplete}"${type === "email" ? html` inputmode="email" spellcheck="false"` : null}${required ? html` required` : null} value="${values[key] ?? ""}"${describe(key, false, e)}${autofocus(key)}>
${errorLine(key, e)}
</div>`;
  };
  const details = [detail("name", "Name", "text", "name"), detail("email", "Email", "email", "email")].filter(Boolean);

  // How to pay: the link's enabled methods (one is a hidden input), the others shown as not enabled.
  const disabled = view.methods.filter((m) => !m.enabled);
  let methodPart: SafeHtml;
  if (enabled.length === 1 && disabled.length === 0) {
    shown.add("method");
    methodPart = html`<input type="hidden" name="method" value="${enabled[0].value}">`;
  } else {
    const chosen = enabled.some((m) => m.value === values.method) ? values.method : enabled[0].value;
    const e = err("method");
    const focus = autofocus("method");
    methodPart = html`<fieldset class="field${e ? " invalid" : ""}" role="radiogroup"${describe("method", false, e)}>
<legend class="legend">Payment method</legend>
${enabled.map(
  (m, i) => html`<label class="choice"><input type="radio" name="method" value="${m.value}"${m.value === chosen ? html` checked` : null}${i === 0 ? focus : null}><span class="choice-label">${m.label}</span></label>`,
)}
${disabled.map(
  (m) => html`<label class="choice off"><input type="radio" name="method" value="${m.value}" disabled><span class="choice-label">${m.label}</span><span class="tag">Not enabled</span></label>`,
)}
${errorLine("method", e)}
</fieldset>`;
  }

  const phoneError = err("phoneNumber");
  const networkError = err("network");
  const phonePart = html`<div class="field">
<label class="lbl" for="phoneNumber">Mobile money number</label>
<div class="group"><span class="prefix" id="phoneNumber-cc" title="${view.countryName}">${view.callingCode}</span><input class="input" type="tel" id="phoneNumber" name="phoneNumber" inputmode="tel" autocomplete="tel-national" required value="${values.phoneNumber ?? ""}"${describe("phoneNumber", true, phoneError, ["phoneNumber-cc"])}${autofocus("phoneNumber")}></div>
<p class="hint" id="phoneNumber-hint">A ${view.countryName} number. You'll get a prompt on this phone to approve the payment.</p>
${errorLine("phoneNumber", phoneError)}
</div>
<div class="field">
<label class="lbl" for="network">Network</label>
<select id="network" name="network"${describe("network", false, networkError)}${autofocus("network")}>
<option value="">Detect from number</option>
${view.networks.map((n) => html`<option value="${n}"${values.network === n ? html` selected` : null}>${networkLabel(n)}</option>`)}
</select>
${errorLine("network", networkError)}
</div>`;

  const payLabel =
    fixed !== null
      ? html`Pay ${fixed}`
      : view.pricing === "PACKAGE"
        ? html`<span class="pay-any">Pay</span>${view.packages.map((p, i) => html`<span class="pay-pk pay-pk-${i}">Pay ${formatMoney(fee?.packageTotals[i] ?? p.amount, view.currency)}</span>`)}`
        : html`Pay`;

  // Errors that have no field on this page (a tampered form) are listed in the message at the top.
  const keys = Object.keys(errors).filter((k) => errors[k]?.length);
  const stray = keys.filter((k) => !shown.has(k)).map((k) => errors[k][0]);
  const heading =
    state.message ?? (keys.some((k) => shown.has(k)) ? "Check the highlighted fields and try again." : stray.length ? "The payment could not be started." : null);
  const listed = stray.filter((s) => s !== heading);
  const alert = heading
    ? html`<div class="alert" role="alert" id="form-error">${heading}${listed.length ? html`<ul>${listed.map((s) => html`<li>${s}</li>`)}</ul>` : null}</div>`
    : null;

  const form = html`<form method="post" action="${checkoutPath(view.shortCode)}" class="section" accept-charset="utf-8"${alert ? html` aria-describedby="form-error"` : null}>
${alert}
<input type="hidden" name="shortCode" value="${view.shortCode}">
<input type="hidden" name="idempotencyKey" value="${state.idempotencyKey}">
${amountPart}
${details}
${methodPart}
${phonePart}
<button type="submit" class="btn">${payLabel}</button>
<p class="after">Press Pay once: the request goes to your phone.</p>
</form>`;

  return layout({
    title,
    brandColor: view.brandColor,
    content: html`<div class="card">${header(view)}<div class="body">${intro}${due}${form}</div></div>`,
  });
}

// ---------------------------------------------------------------------------------------------
// b–d. After Pay: waiting, successful, failed

export const WAITING_REFRESH_SECONDS = 3;

export function waitingPage(receipt: LinkPaymentReceipt, view?: CheckoutBrand): SafeHtml {
  const brand = brandOfReceipt(receipt, view);
  const total = formatMoney(receipt.totalPaid, receipt.currency);
  const fee = minus(receipt.totalPaid, receipt.amount);
  const here = paymentPath(receipt.shortCode, receipt.paymentId);
  return layout({
    title: `Approve the payment: ${brand.merchantName}`,
    brandColor: brand.brandColor,
    refreshSeconds: WAITING_REFRESH_SECONDS,
    content: html`<div class="card">${header(brand)}<div class="body state">
<span class="icon wait"><span class="spinner" aria-hidden="true"></span></span>
<h1>Check your phone to approve the payment</h1>
<p class="big">${total}</p>
${fee > 0n ? html`<p class="hint fee-note">Includes a fee of ${formatMoney(fee, receipt.currency)}</p>` : null}
<p class="lead">We sent a payment request${receipt.phoneMasked ? html` to <strong class="nowrap">${receipt.phoneMasked}</strong>` : null}${receipt.network ? html` <span class="nowrap">(${networkLabel(receipt.network)})</span>` : null}. Enter your PIN on your phone to approve it.</p>
<p class="lead" role="status">Waiting for your approval. This page updates by itself.</p>
<a class="btn" href="${here}">I've approved it — check now</a>
<p class="after">Reference ${receipt.referenceId} · ${receipt.linkName}</p>
</div></div>`,
  });
}

export function successPage(receipt: LinkPaymentReceipt, view?: CheckoutBrand): SafeHtml {
  const brand = brandOfReceipt(receipt, view);
  const rows = receiptRows(receipt);
  return layout({
    title: `Payment successful: ${brand.merchantName}`,
    brandColor: brand.brandColor,
    content: html`<div class="card">${header(brand)}<div class="body state">
<span class="icon ok">${CHECK_ICON}</span>
<h1>Payment successful</h1>
<p class="big">${formatMoney(receipt.totalPaid, receipt.currency)}</p>
<p class="lead">Paid to ${receipt.merchantName}. Keep the reference for your records.</p>
<dl class="receipt">
${rows.map((r) => html`<div${r.label === "Total paid" ? html` class="total"` : null}><dt>${r.label}</dt><dd>${r.value}</dd></div>`)}
</dl>
<a class="btn" href="${receiptPdfPath(receipt.shortCode, receipt.paymentId)}" download>Download receipt (PDF)</a>
</div></div>`,
  });
}

export function failedPage(receipt: LinkPaymentReceipt, view?: CheckoutBrand): SafeHtml {
  const brand = brandOfReceipt(receipt, view);
  return layout({
    title: `Payment failed: ${brand.merchantName}`,
    brandColor: brand.brandColor,
    content: html`<div class="card">${header(brand)}<div class="body state">
<span class="icon bad">${CROSS_ICON}</span>
<h1>Payment failed</h1>
<p class="lead" role="alert">${receipt.reason ?? "The payment did not go through."}</p>
<p class="lead">No money was taken for this attempt.</p>
<dl class="receipt">
<div><dt>Paid for</dt><dd>${receipt.linkName}</dd></div>
<div><dt>Amount</dt><dd>${formatMoney(receipt.totalPaid, receipt.currency)}</dd></div>
<div><dt>Reference</dt><dd>${receipt.referenceId}</dd></div>
</dl>
<a class="btn" href="${checkoutPath(receipt.shortCode)}">Try again</a>
</div></div>`,
  });
}

// ---------------------------------------------------------------------------------------------
// e. Errors

const ERROR_TITLES: Record<number, string> = {
  400: "We couldn't read that",
  404: "This payment link does not exist",
  409: "This can't be done right now",
  413: "That was too much to send",
  429: "Too many attempts",
  500: "Something went wrong",
};

/**
 * A page for a status without a link to show: a plain page with no merchant, so an unknown code
 * says nothing about who might own it. 404 ignores the message (it says what it needs to).
 */
export function errorPage(status: number, message: string): SafeHtml {
  const title = ERROR_TITLES[status] ?? (status >= 500 ? ERROR_TITLES[500] : "This request could not be completed");
  const text =
    status === 404
      ? "Check the address you were given, or ask whoever sent you the link for a new one."
      : status >= 500
        ? "Something went wrong on our side. Nothing was charged; please try again in a moment."
        : message;
  return layout({
    title,
    content: html`<div class="card"><div class="body plain">
<p class="code">Error ${status}</p>
<h1>${title}</h1>
<p>${text}</p>
</div></div>`,
  });
}
