"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A list the server could not read: the route's message and a way out (the list's reset). For a client island; a server page renders ListError (list-error.tsx). */
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
