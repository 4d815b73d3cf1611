import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";
import type * as zm from "zod/mini";

type AnySchema = ZodType | zm.ZodMiniType;

/**
 * A react-hook-form resolver whose zod schema (and zod itself, ~23–34 kB gzip) loads on first use
 * instead of with the page (issue 14 item 17: first-load JS). Resolvers are async already, so the
 * form behaves the same: the first validation awaits the download, which `preload` usually
 * started when the user focused a field.
 *
 *   const resolver = zodResolverOnDemand<Values>(() => import("@/lib/auth/schemas").then((m) => m.loginSchema));
 *   const form = useForm<Values>({ resolver });
 *   <form onFocus={resolver.preload} …>
 *
 * The module the schema comes from must not also be imported statically by the page (for a
 * constant, say): the bundler would then keep zod in the page's first load. Import types only.
 * Call it at module level (or memoise it): each call has its own cache.
 */
export function zodResolverOnDemand<TValues extends FieldValues, TContext = unknown, TOutput = TValues>(
  loadSchema: () => Promise<AnySchema>,
): Resolver<TValues, TContext, TOutput> & { preload: () => void } {
  let ready: Promise<Resolver<TValues, TContext, TOutput>> | undefined;
  const load = () =>
    (ready ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema as never) as unknown as Resolver<TValues, TContext, TOutput>,
    ).catch((error: unknown) => {
      // A failed download is retried on the next validation.
      ready = undefined;
      throw error;
    }));
  const resolver = async (...args: Parameters<Resolver<TValues, TContext, TOutput>>) => (await load())(...args);
  return Object.assign(resolver, { preload: () => void load().catch(() => undefined) });
}
