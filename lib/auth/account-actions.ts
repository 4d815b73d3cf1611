"use server";

import { after } from "next/server";
import { z } from "zod";
import { sendMail } from "@/lib/mail/send-mail";
import { passwordChangedMail, twoFactorChangedMail } from "@/lib/mail/templates";
import { gatedAction } from "./guard";
import { authNow } from "./clock";
import { changePassword, changePasswordSchema, endOtherSessions, setTeamTwoFactorRequirement } from "./account";
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateRecoveryCodes,
  secondFactorSchema,
  totpCodeSchema,
} from "./two-factor";
import { reissueCurrentSession } from "./session-reissue";
import { requireStepUp } from "./step-up";
import { stepUpFields } from "./step-up-fields";

/**
 * The signed-in member's own account (app/(dashboard)/account): any role ("signed-in"). A change
 * that ends every session (password, two-factor) re-issues this browser's cookie with the new
 * session version, so only the other sessions end.
 */

function mailLater(message: Parameters<typeof sendMail>[0]) {
  after(() => sendMail(message).catch((e) => console.error(`[mail] could not send "${message.subject}": ${(e as Error).message}`)));
}

export const changeOwnPassword = gatedAction("account.change_password", "signed-in", changePasswordSchema, async ({ db, scope, input, meta }) => {
  const now = authNow();
  const { sessionVersion } = await changePassword(db, scope, input, now, meta);
  await reissueCurrentSession(scope.principal.userId, sessionVersion);
  // A notice to the account's address (A5 6.3.7), as a reset sends: a change the member did not make is noticed.
  const { email, name } = scope.principal;
  mailLater(passwordChangedMail({ to: email, name, firstPassword: false, at: now }));
  return { changed: true };
});

export const signOutOtherSessions = gatedAction("account.sign_out_other_sessions", "signed-in", z.object({}), async ({ db, scope, meta }) => {
  const { sessionVersion } = await endOtherSessions(db, scope, meta);
  await reissueCurrentSession(scope.principal.userId, sessionVersion);
  return { ended: true };
});

export const beginTwoFactor = gatedAction("account.two_factor_begin", "signed-in", z.object({}), async ({ db, scope }) =>
  beginTwoFactorSetup(db, scope),
);

/** Turning two-factor on is a step-up change (ASVS 7.5.1): the password again, unless given in the last 5 minutes (sign-in included). */
export const enableTwoFactor = gatedAction("account.two_factor_enable", "signed-in", z.object({ code: totpCodeSchema, ...stepUpFields }), async ({ db, scope, input, meta }) => {
  const now = authNow();
  await requireStepUp(db, scope, { password: input.password }, now, meta);
  const { recoveryCodes, sessionVersion } = await confirmTwoFactorSetup(db, scope, input, now, meta);
  await reissueCurrentSession(scope.principal.userId, sessionVersion);
  const { email, name } = scope.principal;
  mailLater(twoFactorChangedMail({ to: email, name, enabled: true, at: now }));
  return { recoveryCodes };
});

export const disableOwnTwoFactor = gatedAction(
  "account.two_factor_disable",
  "signed-in",
  z.object({ code: secondFactorSchema }),
  async ({ db, scope, input, meta }) => {
    const now = authNow();
    const { sessionVersion } = await disableTwoFactor(db, scope, input, now, meta);
    await reissueCurrentSession(scope.principal.userId, sessionVersion);
    const { email, name } = scope.principal;
    mailLater(twoFactorChangedMail({ to: email, name, enabled: false, at: now }));
    return { disabled: true };
  },
);

export const regenerateOwnRecoveryCodes = gatedAction(
  "account.recovery_codes_regenerate",
  "signed-in",
  z.object({ code: secondFactorSchema }),
  async ({ db, scope, input, meta }) => regenerateRecoveryCodes(db, scope, input, authNow(), meta),
);

export const setTeamTwoFactor = gatedAction(
  "account.require_two_factor",
  "users.manage",
  z.object({ required: z.boolean({ error: "Choose on or off" }) }),
  async ({ db, scope, input, meta }) => setTeamTwoFactorRequirement(db, scope, input, meta),
);
