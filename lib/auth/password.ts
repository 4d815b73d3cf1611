import { hash, verify } from "@node-rs/argon2";

/** argon2id at ASVS 5.0 App. C parameters: t=2, m=19 MiB, p=1. */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, timeCost: 2, memoryCost: 19456, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified when the account does not exist, so unknown and known emails take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("kotani-dummy-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
