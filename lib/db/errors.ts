export class DatabaseOpenError extends Error {}
