import { z } from "zod";

/**
 * The idempotency key a client sends with a money movement (the form makes one when it opens, an
 * API caller sends an Idempotency-Key header). Pure: the forms validate with it too.
 * Client-made keys: a UUID from crypto.randomUUID(), or any 8–128 safe characters.
 */
export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export const IDEMPOTENCY_KEY_MESSAGE = "The idempotency key must be 8–128 letters, digits, '.', '_', ':' or '-'";

export const idempotencyKeySchema = z
  .string({ error: "An idempotency key is required" })
  .trim()
  .min(1, "An idempotency key is required")
  .regex(IDEMPOTENCY_KEY_RE, IDEMPOTENCY_KEY_MESSAGE);
