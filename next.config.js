/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm + data files; keep it out of the bundle (and out of public static media).
  serverExternalPackages: ["@electric-sql/pglite"],
  // NEXT_DIST_DIR lets several builds (e.g. parallel work trees of the same checkout) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 when a page guard refuses.
  experimental: { authInterrupts: true },
};

export default nextConfig;
