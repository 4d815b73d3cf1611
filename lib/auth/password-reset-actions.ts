"use server";

import { after } from "next/server";
import { publicAction } from "@/lib/auth/guard";
import { sendMail, type MailMessage } from "@/lib/mail/send-mail";
import { authNow } from "./clock";
import { requestPasswordReset, requestResetSchema, resetPassword, resetPasswordSchema } from "./password-reset";

/**
 * Forgot password / first password. Public by nature (no session): the emailed 6-digit code is
 * the credential, throttled per account and per IP (lib/auth/throttle.ts). Mail goes out after
 * the response, so a known email doesn't answer slower than an unknown one.
 */
function deliverLater(message: MailMessage) {
  after(() => sendMail(message).catch((e) => console.error(`[mail] could not send "${message.subject}": ${(e as Error).message}`)));
}

export const requestResetCode = publicAction("auth.request_password_reset", requestResetSchema, async ({ db, input, meta }) =>
  requestPasswordReset(db, input, { ip: meta.ip, userAgent: meta.userAgent, now: authNow(), deliver: deliverLater }),
);

export const resetPasswordWithCode = publicAction("auth.reset_password", resetPasswordSchema, async ({ db, input, meta }) =>
  resetPassword(db, input, { ip: meta.ip, userAgent: meta.userAgent, now: authNow(), deliver: deliverLater }),
);
