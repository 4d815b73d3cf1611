import { buttonVariants } from "@/components/ui/button";

/*
 * Next renders the root boundaries into every page's payload and loads their client chunks with
 * it, so this one renders no client component: the icon is lucide's ShieldX drawn inline (a lucide
 * icon is a client reference; it put a 4.3 kB chunk in every page's first load), the way back is
 * a plain link (a full load is fine from here; next/link is a client component) styled with
 * buttonVariants rather than Button's Slot.
 */
export default function Forbidden() {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 p-8 text-center">
      <svg
        viewBox="0 0 24 24"
        className="size-10 text-destructive"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden
      >
        <path d="M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z" />
        <path d="m14.5 9.5-5 5" />
        <path d="m9.5 9.5 5 5" />
      </svg>
      <h1 className="text-xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="max-w-md text-sm text-muted-foreground">Your role does not include this section. Ask an Owner or Admin of your organisation for access.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load is fine from here; see above */}
      <a href="/" className={buttonVariants({ variant: "outline" })}>
        Back to the dashboard
      </a>
    </div>
  );
}
