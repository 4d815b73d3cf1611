import Link from "next/link";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { KeyEnvironmentBadge } from "@/components/api-keys/key-status-badge";
import { DEFAULT_KEY_PLACEHOLDER, type ReferenceView } from "@/lib/api-v3/reference-view";
import { Code } from "./rich-text";

export const OPENAPI_DOCUMENT_PATH = "/api/v3/openapi.json";

/** The top of the reference: the environment's base URL, authentication, the envelope, rate limits, signing, the raw document. */
export function ReferenceIntro({
  baseUrl,
  environment,
  keyPrefix,
  rateTiers,
}: {
  baseUrl: string;
  environment: "sandbox" | "production";
  keyPrefix: string;
  rateTiers: ReferenceView["rateTiers"];
}) {
  return (
    <Card aria-labelledby="api-reference-overview">
      <CardHeader>
        <h2 id="api-reference-overview" className="text-base font-semibold">
          Getting started
        </h2>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <div className="grid gap-1.5">
          <div className="flex items-center gap-2 text-muted-foreground">
            <span>Base URL</span>
            <KeyEnvironmentBadge environment={environment} />
          </div>
          <div className="flex min-w-0 items-center gap-2">
            <code className="min-w-0 rounded-md border bg-muted/60 px-2.5 py-1.5 font-mono text-sm break-all">
              {baseUrl}
            </code>
            <CopyButton value={baseUrl} label="base URL" variant="outline" className="size-8" />
          </div>
        </div>

        <ul className="grid list-disc gap-2 pl-5 marker:text-muted-foreground">
          <li>
            Authenticate with <Code>Authorization: Bearer &lt;key&gt;</Code> — create keys on the{" "}
            <Link href="/api-keys" className="text-primary underline underline-offset-4 dark:text-violet-300">
              API Keys
            </Link>{" "}
            page. Keys of this environment start with <Code>{keyPrefix}</Code>; the examples below read yours from{" "}
            <Code>{DEFAULT_KEY_PLACEHOLDER}</Code>.
          </li>
          <li>
            Every answer is the envelope <Code>{"{success, message, data}"}</Code>; an error has{" "}
            <Code>success: false</Code>, the <Code>message</Code> and <Code>error_code</Code> (the HTTP status), and a
            validation error lists each problem in <Code>data.errors</Code>. Amounts are JSON numbers in major units.
          </li>
          {rateTiers.length > 0 && (
            <li>
              Rate limits count per key and endpoint tier (
              {rateTiers.map((t, i) => (
                <span key={t.tier}>
                  {i > 0 && "; "}
                  <span className="font-medium">{t.tier}</span>: {t.limit}
                </span>
              ))}
              ). Over a limit, a <Code>429</Code> says when to retry (<Code>Retry-After</Code>).
            </li>
          )}
          <li>
            A secure key also signs every request with its signing secret: send <Code>x-timestamp</Code> (Unix seconds,
            within 5 minutes), <Code>x-nonce</Code> (a UUID v4, used once) and <Code>x-signature</Code>, the hex
            HMAC-SHA256 of <Code>{"{timestamp}.{nonce}.{compact JSON body}"}</Code> (POST, PATCH) or{" "}
            <Code>{"{timestamp}.{nonce}.{last path segment}"}</Code> (GET).
          </li>
          <li>
            The raw OpenAPI 3.1 document:{" "}
            <a
              href={OPENAPI_DOCUMENT_PATH}
              className="font-mono text-primary underline underline-offset-4 dark:text-violet-300"
            >
              {OPENAPI_DOCUMENT_PATH}
            </a>
            .
          </li>
        </ul>
      </CardContent>
    </Card>
  );
}
