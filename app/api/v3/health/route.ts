/** GET /api/v3/health: the same check as GET /health (no authentication). */
export { GET } from "@/app/health/route";
