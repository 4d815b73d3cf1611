export * from "./enums";
export * from "./integrators";
export * from "./users";
export * from "./wallets";
export * from "./transactions";
export * from "./commerce";
export * from "./jobs";
export * from "./saved-views";
