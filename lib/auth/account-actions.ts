"use server";

import { after } from "next/server";
import { z } from "zod";
import { sendMail } from "@/lib/mail/send-mail";
import { twoFactorChangedMail } from "@/lib/mail/templates";
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

/**
 * The signed-in member's own account (app/(dashboard)/account): any role ("signed-in"). A change
 * that ends every session (password, two-factor) re-issues this browser's cookie with the new
 * session version, so only the other sessions end.
 */

function mailLater(message: Parameters<typeof sendMail>[0]) {
  after(() => sendMail(message).catch((e) => console.error(`[mail] could not send "${message.subject}": ${(e as Error).message}`)));
}

export const changeOwnPassword = gatedAction("account.change_password", "signed-in", changePasswordSchema, async ({ db, scope, input, meta }) => {
  const { sessionVersion } = await changePassword(db, scope, input, authNow(), meta);
  await reissueCurrentSession(scope.principal.userId, sessionVersion);
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

export const enableTwoFactor = gatedAction("account.two_factor_enable", "signed-in", z.object({ code: totpCodeSchema }), async ({ db, scope, input, meta }) => {
  const now = authNow();
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
