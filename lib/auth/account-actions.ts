"use server";

import { after } from "next/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import { sendMail } from "@/lib/mail/send-mail";
import { twoFactorChangedMail } from "@/lib/mail/templates";
import { gatedAction } from "./guard";
import { getSessionUser } from "./scope";
import { authNow } from "./clock";
import { changePassword, changePasswordSchema, endOtherSessions, setTeamTwoFactorRequirement } from "./account";
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateRecoveryCodes,
  secondFactorSchema,
  totpCodeSchema,
  type AccountActor,
} from "./two-factor";
import { reissueCurrentSession } from "./session-reissue";
import type { Scope } from "./scope";
import type { RequestMeta } from "./guard";
import type { Db } from "@/lib/db/client";

/** The signed-in user's own account (app/(dashboard)/account). Any role: permission null. */

const actorOf = (scope: Scope, meta: RequestMeta): AccountActor => ({
  userId: scope.userId,
  email: scope.email,
  integratorId: scope.integratorId,
  ip: meta.ip,
  userAgent: meta.userAgent,
});

function mailLater(message: Parameters<typeof sendMail>[0]) {
  after(() => sendMail(message).catch((e) => console.error(`[mail] could not send "${message.subject}": ${(e as Error).message}`)));
}

async function currentSessionVersion(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row!.sv;
}

export const changeOwnPassword = gatedAction("account.change_password", null, changePasswordSchema, async ({ db, scope, input, meta }) => {
  const { sessionVersion } = await changePassword(db, actorOf(scope, meta), input, authNow());
  await reissueCurrentSession(scope.userId, sessionVersion);
  return { changed: true };
});

export const signOutOtherSessions = gatedAction("account.sign_out_other_sessions", null, z.object({}), async ({ db, scope, meta }) => {
  const { sessionVersion } = await endOtherSessions(db, actorOf(scope, meta));
  await reissueCurrentSession(scope.userId, sessionVersion);
  return { ended: true };
});

export const beginTwoFactor = gatedAction("account.two_factor_begin", null, z.object({}), async ({ db, scope, meta }) => {
  return beginTwoFactorSetup(db, actorOf(scope, meta));
});

export const enableTwoFactor = gatedAction("account.two_factor_enable", null, z.object({ code: totpCodeSchema }), async ({ db, scope, input, meta }) => {
  const now = authNow();
  const result = await confirmTwoFactorSetup(db, actorOf(scope, meta), input, now);
  await reissueCurrentSession(scope.userId, await currentSessionVersion(db, scope.userId));
  mailLater(twoFactorChangedMail({ to: scope.email, name: scope.name, enabled: true, at: now }));
  return result;
});

export const disableOwnTwoFactor = gatedAction(
  "account.two_factor_disable",
  null,
  z.object({ code: secondFactorSchema }),
  async ({ db, scope, input, meta }) => {
    const now = authNow();
    await disableTwoFactor(db, actorOf(scope, meta), input, now);
    await reissueCurrentSession(scope.userId, await currentSessionVersion(db, scope.userId));
    mailLater(twoFactorChangedMail({ to: scope.email, name: scope.name, enabled: false, at: now }));
    return { disabled: true };
  },
);

export const regenerateOwnRecoveryCodes = gatedAction(
  "account.recovery_codes_regenerate",
  null,
  z.object({ code: secondFactorSchema }),
  async ({ db, scope, input, meta }) => regenerateRecoveryCodes(db, actorOf(scope, meta), input, authNow()),
);

export const setTeamTwoFactor = gatedAction(
  "account.require_two_factor",
  "users.manage",
  z.object({ required: z.boolean({ error: "Choose on or off" }) }),
  async ({ db, scope, input, meta }) => {
    const user = await getSessionUser();
    return setTeamTwoFactorRequirement(db, { ...actorOf(scope, meta), twoFactorEnabled: Boolean(user?.twoFactorEnabled) }, input);
  },
);
