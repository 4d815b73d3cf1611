import "server-only";
import { renderMail } from "@/lib/mail/layout";
import { sendMail, type MailMessage } from "@/lib/mail/send-mail";
import { INVITE_TTL_HOURS } from "./schemas";
import { inviteUrl } from "./tokens";

export type Mailer = (message: MailMessage) => Promise<void>;

export interface InviteMailInput {
  to: string;
  token: string;
  organization: string;
  inviterName: string;
  inviterEmail: string;
  roleName: string;
  expiresAt: Date;
  baseUrl?: string;
}

export function inviteMail(input: InviteMailInput): MailMessage {
  const url = inviteUrl(input.token, input.baseUrl);
  const expires = `${input.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { text, html } = renderMail({
    heading: `Join ${input.organization} on Kotani Pay`,
    paragraphs: [
      `${input.inviterName} (${input.inviterEmail}) invited you to join ${input.organization} on the Kotani Pay backoffice as ${input.roleName}.`,
      `The link below works once and expires in ${INVITE_TTL_HOURS} hours (${expires}).`,
      "If you were not expecting this invitation, you can ignore this email: nothing happens until the link is used.",
    ],
    button: { label: "Accept invitation", url },
  });
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to ${input.organization} on Kotani Pay`,
    text,
    html,
  };
}

/** Sends each mail; a failed delivery is reported (the inviter can resend), never thrown. */
export async function sendInviteMails(messages: InviteMailInput[], mailer: Mailer = sendMail): Promise<string[]> {
  const failed: string[] = [];
  for (const m of messages) {
    try {
      await mailer(inviteMail(m));
    } catch (e) {
      console.error(`[team] invite mail to ${m.to} failed: ${(e as Error).message}`);
      failed.push(m.to);
    }
  }
  return failed;
}
