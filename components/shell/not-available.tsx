import { Construction } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "./page-header";

/** A section whose issue has not landed: says so plainly, never invents figures. */
export function NotAvailable({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <CardContent className="flex flex-col items-center gap-3 py-16 text-center">
          <Construction className="size-10 text-muted-foreground" aria-hidden />
          <h2 className="text-lg font-medium">Not available yet</h2>
          <p className="max-w-md text-sm text-muted-foreground">
            This section is being built. Nothing here is shown until it works with your real data.
          </p>
        </CardContent>
      </Card>
    </>
  );
}
