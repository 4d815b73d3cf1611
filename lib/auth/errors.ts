/** Errors the gate turns into HTTP statuses / action results. Services throw these; never a raw 500 for user input. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue") {
    super(message, 401, "unauthorized");
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this") {
    super(message, 403, "forbidden");
  }
}
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404, "not_found");
  }
}
export class ConflictError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, 409, "conflict", fieldErrors);
  }
}
export class ValidationError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, 400, "validation_failed", fieldErrors);
  }
}
export class RateLimitError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, 429, "rate_limited");
  }
}
