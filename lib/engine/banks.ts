/**
 * Banks a payout can reach (§3.7: bank payouts in KE and ZA only), as the supporting-banks
 * endpoint lists them. Pure data, shared by the Send Money form and the server's check.
 */
export interface Bank {
  code: string;
  name: string;
}

export const SUPPORTED_BANKS: Record<string, readonly Bank[]> = {
  KE: [
    { code: "01", name: "Kenya Commercial Bank" },
    { code: "02", name: "Standard Chartered Bank Kenya" },
    { code: "03", name: "Absa Bank Kenya" },
    { code: "07", name: "NCBA Bank" },
    { code: "11", name: "Co-operative Bank of Kenya" },
    { code: "12", name: "National Bank of Kenya" },
    { code: "31", name: "Stanbic Bank Kenya" },
    { code: "57", name: "I&M Bank" },
    { code: "63", name: "Diamond Trust Bank" },
    { code: "68", name: "Equity Bank Kenya" },
    { code: "70", name: "Family Bank" },
  ],
  ZA: [
    { code: "632005", name: "ABSA" },
    { code: "470010", name: "Capitec Bank" },
    { code: "250655", name: "FNB" },
    { code: "198765", name: "Nedbank" },
    { code: "051001", name: "Standard Bank" },
    { code: "678910", name: "TymeBank" },
  ],
};

export function banksOf(country: string): readonly Bank[] {
  return SUPPORTED_BANKS[country] ?? [];
}

export function findBank(country: string, code: string): Bank | undefined {
  return banksOf(country).find((b) => b.code === code);
}
