import { SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { curlExample, type ReferenceOperation, type ReferenceView } from "@/lib/api-v3/reference-view";
import { EndpointFilterInput, EndpointFilterProvider, Filterable, FilterNoMatch } from "./endpoint-filter";
import { MethodBadge } from "./method-badge";
import { OperationCard } from "./operation-card";
import { ReferenceIntro } from "./reference-intro";

/** What the filter searches: method, path, summary and tag. */
const filterText = (op: ReferenceOperation) => `${op.method} ${op.path} ${op.summary} ${op.tag}`;

/**
 * The API reference: the intro, then the endpoints by tag (an h2 each, an h3 per operation) next
 * to a table of contents with the filter. Rendered on the server: only the filter and the copy
 * buttons are client components, so the page ships little JavaScript.
 */
export function ApiReference({
  view,
  baseUrl,
  environment,
  keyPrefix,
}: {
  view: ReferenceView;
  baseUrl: string;
  environment: "sandbox" | "production";
  keyPrefix: string;
}) {
  const texts = view.tags.flatMap((t) => t.operations.map(filterText));
  return (
    <div className="grid gap-6">
      <ReferenceIntro baseUrl={baseUrl} environment={environment} keyPrefix={keyPrefix} rateTiers={view.rateTiers} />

      <EndpointFilterProvider texts={texts}>
        <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)] lg:items-start">
          <aside className="grid gap-4 rounded-xl border bg-card p-4 shadow-sm lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto">
            <EndpointFilterInput />
            <nav aria-label="Endpoints" className="max-h-72 overflow-y-auto lg:max-h-none lg:overflow-visible">
              <ul className="grid gap-3">
                {view.tags.map((tag) => (
                  <Filterable as="li" key={tag.id} text={tag.operations.map(filterText)}>
                    <a
                      href={`#${tag.id}`}
                      className="text-xs font-semibold tracking-wide text-muted-foreground uppercase hover:text-foreground"
                    >
                      {tag.name}
                    </a>
                    <ul className="mt-1 grid gap-0.5">
                      {tag.operations.map((op) => (
                        <Filterable as="li" key={op.id} text={filterText(op)}>
                          <a
                            href={`#${op.id}`}
                            className="flex items-start gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-accent hover:text-accent-foreground"
                          >
                            <MethodBadge method={op.method} className="mt-0.5 min-w-11 px-1 text-[0.6rem]" />
                            <span className="min-w-0">
                              <span className="block leading-snug">{op.summary || op.path}</span>
                              <span className="block font-mono text-[0.7rem] break-all text-muted-foreground">
                                {op.path}
                              </span>
                            </span>
                          </a>
                        </Filterable>
                      ))}
                    </ul>
                  </Filterable>
                ))}
              </ul>
            </nav>
          </aside>

          <div className="grid min-w-0 gap-10">
            <FilterNoMatch>
              <EmptyState
                className="rounded-xl border bg-card"
                icon={<SearchX />}
                title="No endpoints match"
                description="Try part of a path (“deposit”), a method (“POST”) or a word of the summary."
              />
            </FilterNoMatch>
            {view.tags.map((tag) => (
              <Filterable
                as="section"
                key={tag.id}
                text={tag.operations.map(filterText)}
                aria-labelledby={tag.id}
                className="grid gap-4"
              >
                <h2 id={tag.id} className="scroll-mt-20 text-lg font-semibold tracking-tight">
                  {tag.name}
                </h2>
                {tag.operations.map((op) => (
                  <Filterable key={op.id} text={filterText(op)}>
                    <OperationCard op={op} curl={curlExample(op, baseUrl)} />
                  </Filterable>
                ))}
              </Filterable>
            ))}
          </div>
        </div>
      </EndpointFilterProvider>
    </div>
  );
}
