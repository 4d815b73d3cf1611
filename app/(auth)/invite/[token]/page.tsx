import type { Metadata } from "next";
import Link from "next/link";
import { MailX, ShieldCheck } from "lucide-react";
import { z } from "zod";
import { requirePublicPage } from "@/lib/auth/guard";
import { getInviteByToken, INVITE_MESSAGES } from "@/lib/team/accept-invite";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Logo } from "@/components/shell/logo";
import { AcceptInviteForm } from "@/components/team/accept-invite-form";

// The token is in the URL: never send it on as a Referer.
export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

/** An invite token (43 base64url characters); one that matches no invite shows "not valid". */
const inviteParamsSchema = z.object({ token: z.string().max(200) });

const TITLES = {
  invalid: "This invitation link is not valid",
  expired: "This invitation has expired",
  accepted: "This invitation has already been used",
  revoked: "This invitation was revoked",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { db, input } = await requirePublicPage(inviteParamsSchema, params);
  const invite = await getInviteByToken(db, input.token);

  return (
    <div className="w-full max-w-lg rounded-2xl border bg-card p-8 shadow-xl sm:p-10">
      <Logo />
      {invite.state === "valid" ? (
        <>
          <h1 className="mt-8 text-2xl font-semibold">Join {invite.organization}</h1>
          <p className="mt-2 text-sm text-muted-foreground">
            {invite.inviterName ?? "A teammate"} invited you to join{" "}
            <strong className="text-foreground">{invite.organization}</strong> on the Kotani Pay backoffice as{" "}
            <strong className="text-foreground">{invite.roleName}</strong>.
          </p>
          {invite.requireTwoFactor && (
            <Alert variant="info" className="mt-5">
              <ShieldCheck aria-hidden />
              <AlertTitle>Two-factor authentication required</AlertTitle>
              <AlertDescription>
                {invite.organization} requires two-factor authentication: you will set it up right after you join.
              </AlertDescription>
            </Alert>
          )}
          <AcceptInviteForm
            token={input.token}
            email={invite.email!}
            organization={invite.organization!}
            accountExists={invite.accountExists ?? false}
          />
        </>
      ) : (
        <>
          <div
            className="mt-8 flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground"
            aria-hidden
          >
            <MailX className="size-6" />
          </div>
          <h1 className="mt-4 text-2xl font-semibold">{TITLES[invite.state]}</h1>
          <Alert variant="destructive" className="mt-4" data-testid="invite-error">
            <AlertDescription>
              {INVITE_MESSAGES[invite.state]}
              {invite.organization && invite.state !== "accepted" && (
                <>
                  {" "}
                  {invite.inviterName ? `${invite.inviterName} at ${invite.organization}` : invite.organization} can
                  send you a new one.
                </>
              )}
            </AlertDescription>
          </Alert>
          <Link href="/login" className={`${buttonVariants({ variant: "outline" })} mt-6 w-full`}>
            Go to sign in
          </Link>
        </>
      )}
    </div>
  );
}
