/** The product's look for mail: a plain-text body and a small, inline-styled HTML body. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderMail(opts: { heading: string; paragraphs: string[]; code?: string; button?: { label: string; url: string }; footer?: string }) {
  const text = [
    opts.heading,
    "",
    ...opts.paragraphs.flatMap((p) => [p, ""]),
    ...(opts.code ? [opts.code, ""] : []),
    ...(opts.button ? [`${opts.button.label}: ${opts.button.url}`, ""] : []),
    opts.footer ?? "Kotani Pay Backoffice",
  ].join("\n");
  const html = `<!doctype html><html><body style="margin:0;background:#0b1020;font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#111833;border-radius:12px;color:#e5e7f0">
<tr><td style="padding:24px 32px;border-bottom:1px solid #1f2a4d;font-weight:600;font-size:18px"><span style="display:inline-block;background:#7c3aed;color:#fff;border-radius:6px;padding:2px 8px;margin-right:8px">K</span>Kotani Pay</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 16px;font-size:22px;color:#fff">${escapeHtml(opts.heading)}</h1>
${opts.paragraphs.map((p) => `<p style="margin:0 0 14px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${opts.code ? `<p style="margin:24px 0;font-size:32px;letter-spacing:8px;font-weight:700;color:#fff;font-family:ui-monospace,Menlo,monospace">${escapeHtml(opts.code)}</p>` : ""}
${opts.button ? `<p style="margin:24px 0"><a href="${escapeHtml(opts.button.url)}" style="background:#7c3aed;color:#fff;text-decoration:none;padding:12px 20px;border-radius:8px;display:inline-block;font-weight:600">${escapeHtml(opts.button.label)}</a></p>` : ""}
</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #1f2a4d;font-size:12px;color:#8b93b5">${escapeHtml(opts.footer ?? "Kotani Pay Backoffice")}</td></tr>
</table></td></tr></table></body></html>`;
  return { text, html };
}
