import type { Environment } from "@/lib/db/schema";
import type { PaymentProvider } from "./provider";
import { sandboxProvider } from "./sandbox";

export { NO_PROVIDER_MESSAGE } from "./provider";
export type { PaymentProvider, ProviderRequest, ProviderSubmission, PlannedSettlement } from "./provider";

/** The provider of an environment: the simulator in the sandbox; none (yet) in production. */
export function providerFor(environment: Environment): PaymentProvider | null {
  return environment === "sandbox" ? sandboxProvider : null;
}
