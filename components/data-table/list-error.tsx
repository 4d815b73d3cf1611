import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A server-rendered list the URL's query cannot show (a hand-edited URL the route refuses): the
 * route's message, and a way out to the list's default view. A plain link to "?" (this page, no
 * query: the market and environment are put back by ContextUrlSync), so the error costs the page
 * no JavaScript.
 */
export function ListError({ message, what }: { message: string; what: string }) {
  return (
    <Alert variant="destructive" className="my-4" role="alert">
      <AlertTitle>These {what} could not be shown</AlertTitle>
      <AlertDescription>
        <p>{message}</p>
        <Button asChild variant="outline" size="sm" className="mt-2">
          <a href="?">Reset filters</a>
        </Button>
      </AlertDescription>
    </Alert>
  );
}
