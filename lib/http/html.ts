/**
 * Server-rendered HTML without React: a tagged template that escapes every interpolated value
 * unless it is `SafeHtml` made by this same template, and a Response for it. Used by the pages that
 * must ship no client JavaScript at all (a payment link's hosted checkout, app/l/…). Pure.
 *
 *   html`<p class="x">${userText}</p>`            // userText is escaped
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   // arrays are joined
 *   html`${cond && html`<b>yes</b>`}`             // null, undefined and false render nothing
 *
 * Escaped: & < > " ' and the backtick, so a value is safe in element text and in a quoted
 * attribute (always quote attributes). It does NOT make a value safe inside <script>, inside an
 * unquoted attribute, as a URL (javascript:), or inside CSS: validate those values first.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]);
}

/** Only `html` can make one: the constructor needs a token this module keeps to itself. */
const MINT = Symbol("SafeHtml");

/** A piece of markup built by `html` (its static parts verbatim, its values escaped). */
export class SafeHtml {
  readonly #markup: string;

  constructor(token: symbol, markup: string) {
    if (token !== MINT) throw new TypeError("SafeHtml is made by the html`` template only");
    this.#markup = markup;
  }

  /** True only for a SafeHtml this module made (a look-alike object with a toString is not one). */
  static is(value: unknown): value is SafeHtml {
    return typeof value === "object" && value !== null && #markup in value;
  }

  toString(): string {
    return this.#markup;
  }
}

/** What may be interpolated: text and numbers (escaped), markup, nothing, or lists of those. */
export type HtmlValue = SafeHtml | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join("");
  if (SafeHtml.is(value)) return value.toString();
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(MINT, out);
}

/** A page answer: UTF-8 HTML, never cached (it may carry a payment's details), no cookies. */
export function htmlResponse(body: SafeHtml, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return new Response(body.toString(), {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      ...extraHeaders,
    },
  });
}
