/** The client's address: the first X-Forwarded-For hop (set by the proxy in front), else X-Real-IP. */
export function clientIpFrom(get: (name: string) => string | null | undefined): string {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
