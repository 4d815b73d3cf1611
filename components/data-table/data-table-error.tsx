"use client";

import { usePathname, useRouter } from "next/navigation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A list's fetch failed: the route's message and a way out (the filters back to their defaults). Pass it as DataTable's `error` only when there is one. */
export function DataTableError({ error, what, onReset }: { error: Error; what: string; onReset(): void }) {
  return (
    <Alert variant="destructive" className="my-4" role="alert">
      <AlertTitle>These {what} could not be shown</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        <Button variant="outline" size="sm" className="mt-2" onClick={onReset}>
          Reset filters
        </Button>
      </AlertDescription>
    </Alert>
  );
}

/**
 * A server-rendered list the URL's query cannot show (a hand-edited URL the route refuses): the
 * route's message, and the list's default view (the market and environment are put back by
 * ContextUrlSync).
 */
export function ListError({ message, what }: { message: string; what: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return <DataTableError error={new Error(message)} what={what} onReset={() => router.push(pathname)} />;
}
