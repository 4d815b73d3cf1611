import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { appBaseUrl, env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/api-v3/openapi";
import { apiBaseUrlFor, buildReferenceView } from "@/lib/api-v3/reference-view";
import { KEY_PREFIX } from "@/lib/api-keys/key-material";
import { PageHeader } from "@/components/shell/page-header";
import { ApiReference } from "@/components/api-reference/api-reference";

export const metadata: Metadata = { title: "API reference" };

/**
 * API reference: our OpenAPI document (built here, the same as GET /api/v3/openapi.json) as
 * cards by tag, with curl examples on the selected environment's base URL. Rendered on the
 * server; the filter and the copy buttons are the only client components.
 */
export default async function Page() {
  const scope = await requirePageScope("api_keys.manage");
  const { API_SANDBOX_HOST, API_PRODUCTION_HOST } = env();
  const baseUrl = apiBaseUrlFor(scope.environment, {
    sandboxHost: API_SANDBOX_HOST,
    productionHost: API_PRODUCTION_HOST,
    appBaseUrl: appBaseUrl(),
  });
  const view = buildReferenceView(buildOpenApiDocument(baseUrl));
  return (
    <>
      <PageHeader
        title="API reference"
        description={`The public v3 API (${view.tags.reduce((n, t) => n + t.operations.length, 0)} endpoints), from our OpenAPI document`}
      />
      <ApiReference
        view={view}
        baseUrl={baseUrl}
        environment={scope.environment}
        keyPrefix={KEY_PREFIX[scope.environment]}
      />
    </>
  );
}
