"use server";

import { publicAction } from "@/lib/auth/guard";
import { acceptInviteSchema } from "./schemas";
import { acceptInvite } from "./accept-invite";

/**
 * Public (no session): the 256-bit single-use token in the input is the credential. On success
 * the client signs in with the same email and password (next-auth credentials).
 */
export const acceptInviteAction = publicAction("team.invite_accept", acceptInviteSchema, ({ db, input, meta }) =>
  acceptInvite(db, input, { meta }),
);
