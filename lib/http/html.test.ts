import { describe, expect, it } from "vitest";
import { escapeHtml, html, htmlResponse, SafeHtml } from "./html";

describe("html``", () => {
  it("escapes every interpolated string: & < > \" ' and the backtick", () => {
    expect(escapeHtml(`& < > " ' \``)).toBe("&amp; &lt; &gt; &quot; &#39; &#96;");
    expect(html`<p>${"<script>alert(1)</script>"}</p>`.toString()).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("keeps the template's own markup verbatim", () => {
    expect(html`<a href="/x" class='y'>&nbsp;</a>`.toString()).toBe(`<a href="/x" class='y'>&nbsp;</a>`);
  });

  it("a value cannot break out of a quoted attribute", () => {
    const evil = `" onmouseover="alert(1)`;
    const out = html`<input value="${evil}">`.toString();
    expect(out).toBe(`<input value="&quot; onmouseover=&quot;alert(1)">`);
    expect(out).not.toMatch(/"\s*onmouseover=/);
    const single = html`<input value='${`' autofocus onfocus='x`}'>`.toString();
    expect(single).toBe(`<input value='&#39; autofocus onfocus=&#39;x'>`);
  });

  it("nests: SafeHtml from html`` is inserted as markup, not escaped again", () => {
    const inner = html`<b>${"a & b"}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe("<p><b>a &amp; b</b></p>");
    expect(html`<div>${html`<p>${html`<i>${"<x>"}</i>`}</p>`}</div>`.toString()).toBe("<div><p><i>&lt;x&gt;</i></p></div>");
  });

  it("joins arrays (of markup and of text, nested), escaping the text", () => {
    const items = ["one", "<two>"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe("<ul><li>one</li><li>&lt;two&gt;</li></ul>");
    expect(html`${["a<", ["b>", html`<br>`]]}`.toString()).toBe("a&lt;b&gt;<br>");
  });

  it("renders nothing for null, undefined and booleans; numbers and bigints as text", () => {
    const no = false as boolean;
    expect(html`[${null}${undefined}${no}${no && html`<b>x</b>`}${true}]`.toString()).toBe("[]");
    expect(html`${12.5} ${10n ** 20n}`.toString()).toBe("12.5 100000000000000000000");
  });

  it("a look-alike object is not markup: only html`` can make SafeHtml", () => {
    const fake = { toString: () => "<script>alert(1)</script>" } as unknown as SafeHtml;
    expect(html`${fake}`.toString()).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(() => new SafeHtml(Symbol("SafeHtml"), "<script>")).toThrow(TypeError);
    expect(SafeHtml.is(html`x`)).toBe(true);
    expect(SafeHtml.is("x")).toBe(false);
  });
});

describe("htmlResponse", () => {
  it("is UTF-8 HTML, not cached, with the status and extra headers, and sets no cookie", async () => {
    const res = htmlResponse(html`<p>${"é ✓"}</p>`, 429, { "retry-after": "60" });
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("retry-after")).toBe("60");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toBe("<p>é ✓</p>");
  });

  it("defaults to 200", () => {
    expect(htmlResponse(html`ok`).status).toBe(200);
  });
});
