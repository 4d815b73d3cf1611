import type { Environment } from "../schema/enums";

/** What one demo integrator looks like; `index.ts` holds the two instances. */
export interface MarketPlan {
  environment: Environment;
  country: string;
  currency: string;
  isDefault: boolean;
  /** Share of the integrator's transactions within its environment. */
  weight: number;
}

export interface TeamMemberPlan {
  email: string;
  name: string;
  role: string;
}

export interface IntegratorPlan {
  key: string;
  organization: string;
  productName: string;
  email: string;
  phone: string;
  countryCode: string;
  timezone: string;
  productionStatus: "not_started" | "requested" | "active";
  members: TeamMemberPlan[];
  markets: MarketPlan[];
  /** Share of transactions per environment (weights). */
  environmentShare: Partial<Record<Environment, number>>;
  transactions: number;
  callbackUrl: string;
  /** Chains with a crypto wallet, per environment. */
  cryptoChains: Partial<Record<Environment, string[]>>;
}

export const DAY_MS = 86_400_000;
/** Days of history the seed generates, ending at `now`. */
export const HISTORY_DAYS = 90;
