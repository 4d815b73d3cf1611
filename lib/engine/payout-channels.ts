/**
 * The payout channels and their labels, by country. Its own zod-free module: the approvals page
 * shows the labels without loading the engine's form schemas (lib/engine/schemas.ts re-exports it).
 */
export const PAYOUT_CHANNELS = ["MOBILE_MONEY", "BANK", "LIPA_NA_MPESA", "PAYBILL"] as const;
export type PayoutChannel = (typeof PAYOUT_CHANNELS)[number];
export const PAYOUT_CHANNEL_LABEL: Record<PayoutChannel, string> = {
  MOBILE_MONEY: "Mobile money",
  BANK: "Bank account",
  LIPA_NA_MPESA: "Lipa na M-Pesa (till)",
  PAYBILL: "Paybill",
};
/** Channels beyond mobile money, by country (§3.7: bank in KE and ZA; till and paybill in KE). */
export const PAYOUT_CHANNELS_BY_COUNTRY: Record<string, readonly PayoutChannel[]> = {
  KE: ["MOBILE_MONEY", "BANK", "LIPA_NA_MPESA", "PAYBILL"],
  ZA: ["MOBILE_MONEY", "BANK"],
};
export function payoutChannelsOf(country: string): readonly PayoutChannel[] {
  return PAYOUT_CHANNELS_BY_COUNTRY[country] ?? ["MOBILE_MONEY"];
}
