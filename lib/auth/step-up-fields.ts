import { z } from "zod";

/**
 * The fields a step-up form adds to its input (lib/auth/step-up.ts): both optional, since a
 * session that confirmed its identity in the last five minutes needs neither. Pure, for forms too.
 */
export const stepUpFields = {
  password: z.string().max(1024, "The password is too long").optional(),
  totpCode: z.string().trim().max(16).optional(),
};
export type StepUpCredentials = { password?: string; totpCode?: string };
