/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm + data files; keep it out of the bundle (and out of public static media).
  serverExternalPackages: ["@electric-sql/pglite"],
  // NEXT_DIST_DIR lets several builds (e.g. parallel work trees of the same checkout) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // NEXT_SOURCE_MAPS=1 emits browser source maps, for measuring what each chunk is made of.
  productionBrowserSourceMaps: process.env.NEXT_SOURCE_MAPS === "1",
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 when a page guard refuses.
  experimental: { authInterrupts: true },
  // Static files (which proxy.ts doesn't see) get the static security headers too; every other
  // response gets the full set, with a per-request CSP nonce, from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
