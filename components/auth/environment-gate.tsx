"use client";

import { useTransition, useState } from "react";
import { useRouter } from "next/navigation";
import { Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { selectContext } from "@/lib/auth/context-actions";

const BASE_URLS = { production: "https://api.kotanipay.com/api/v3", sandbox: "https://sandbox-api.kotanipay.com/api/v3" };

export function EnvironmentGate({ productionEnabled }: { productionEnabled: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const choose = (environment: "sandbox" | "production") =>
    startTransition(async () => {
      const result = await selectContext({ environment, remember: true });
      if (!result.ok) return setError(result.error);
      router.replace("/");
      router.refresh();
    });
  return (
    <div className="w-full max-w-4xl space-y-6">
      <div className="text-center">
        <p className="text-xs font-semibold uppercase tracking-widest text-primary dark:text-violet-300">Environment selection</p>
        <h1 className="mt-2 text-3xl font-semibold">Choose your environment</h1>
        <p className="mx-auto mt-2 max-w-2xl text-sm text-muted-foreground">
          The dashboard supports both environments. This choice decides where you sign in and make API calls; you can change it later in Settings.
        </p>
      </div>
      {error && <p className="text-center text-sm text-destructive dark:text-red-300">{error}</p>}
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Production</CardTitle>
            <CardDescription>Live environment for real users and transactions. Requires valid production credentials.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            <p className="text-muted-foreground">Base URL</p>
            <code className="break-all">{BASE_URLS.production}</code>
          </CardContent>
          <CardFooter>
            <Button className="w-full" disabled={pending || !productionEnabled} onClick={() => choose("production")}>
              {!productionEnabled && <Lock aria-hidden />}
              Use Production
            </Button>
          </CardFooter>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sandbox</CardTitle>
            <CardDescription>Test environment for development and QA. No real money moves.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            <p className="text-muted-foreground">Base URL</p>
            <code className="break-all">{BASE_URLS.sandbox}</code>
          </CardContent>
          <CardFooter>
            <Button className="w-full" variant="secondary" disabled={pending} onClick={() => choose("sandbox")}>
              Use Sandbox
            </Button>
          </CardFooter>
        </Card>
      </div>
      <p className="text-center text-xs text-muted-foreground">Tip: if your login works in only one environment, pick that one.</p>
    </div>
  );
}
