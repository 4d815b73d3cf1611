import { buttonVariants } from "@/components/ui/button";

// No client component, like app/forbidden.tsx: a root boundary's client chunks load with every page.
export default function NotFound() {
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-muted-foreground">The page you are looking for does not exist or is not yours to see.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load is fine from here; see above */}
      <a href="/" className={buttonVariants({ variant: "outline" })}>
        Back to the dashboard
      </a>
    </div>
  );
}
