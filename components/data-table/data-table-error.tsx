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
