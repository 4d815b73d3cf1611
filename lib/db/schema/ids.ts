import { randomBytes } from "node:crypto";

/** 24-hex ids, like the real platform's record ids (ObjectId-shaped). */
export function newId(): string {
  return randomBytes(12).toString("hex");
}
