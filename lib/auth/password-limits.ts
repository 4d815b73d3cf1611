/** Password length limits, importable by client components (the rules live in password-policy.ts). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
