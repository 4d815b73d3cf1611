/** Country ↔ currency ↔ network facts (domain reference §5). Pure data: safe on client and server. */

export interface CountryInfo {
  code: string; // ISO-2
  name: string;
  currency: string;
  /** IANA zone used for demo data and as a sensible default. */
  timezone: string;
  networks: readonly string[];
}

export const COUNTRIES: Record<string, CountryInfo> = {
  KE: { code: "KE", name: "Kenya", currency: "KES", timezone: "Africa/Nairobi", networks: ["MPESA", "AIRTEL"] },
  UG: { code: "UG", name: "Uganda", currency: "UGX", timezone: "Africa/Kampala", networks: ["MTN", "AIRTEL"] },
  TZ: { code: "TZ", name: "Tanzania", currency: "TZS", timezone: "Africa/Dar_es_Salaam", networks: ["VODACOM", "AIRTEL", "YAS", "HALOPESA"] },
  GH: { code: "GH", name: "Ghana", currency: "GHS", timezone: "Africa/Accra", networks: ["MTN", "VODAFONE", "AIRTEL"] },
  NG: { code: "NG", name: "Nigeria", currency: "NGN", timezone: "Africa/Lagos", networks: ["MTN", "AIRTEL"] },
  ZA: { code: "ZA", name: "South Africa", currency: "ZAR", timezone: "Africa/Johannesburg", networks: ["VODACOM", "MTN"] },
  CI: { code: "CI", name: "Côte d'Ivoire", currency: "XOF", timezone: "Africa/Abidjan", networks: ["MTN", "ORANGE", "MOOV", "WAVE"] },
  SN: { code: "SN", name: "Senegal", currency: "XOF", timezone: "Africa/Dakar", networks: ["ORANGE", "FREE", "EXPRESSO", "WAVE"] },
  CM: { code: "CM", name: "Cameroon", currency: "XAF", timezone: "Africa/Douala", networks: ["MTN", "ORANGE"] },
  ZM: { code: "ZM", name: "Zambia", currency: "ZMW", timezone: "Africa/Lusaka", networks: ["MTN", "AIRTEL", "ZAMTEL"] },
  RW: { code: "RW", name: "Rwanda", currency: "RWF", timezone: "Africa/Kigali", networks: ["MTN", "AIRTEL"] },
  CD: { code: "CD", name: "DR Congo", currency: "CDF", timezone: "Africa/Kinshasa", networks: ["AIRTEL", "ORANGE", "VODACOM"] },
  MW: { code: "MW", name: "Malawi", currency: "MWK", timezone: "Africa/Blantyre", networks: ["AIRTEL"] },
  ET: { code: "ET", name: "Ethiopia", currency: "ETB", timezone: "Africa/Addis_Ababa", networks: [] },
  EG: { code: "EG", name: "Egypt", currency: "EGP", timezone: "Africa/Cairo", networks: [] },
};

export interface CurrencyInfo {
  code: string;
  name: string;
  /** ISO 4217 minor-unit exponent: amounts are stored as integers of 10^-exponent. */
  exponent: number;
}

export const CURRENCIES: Record<string, CurrencyInfo> = {
  KES: { code: "KES", name: "Kenyan Shilling", exponent: 2 },
  UGX: { code: "UGX", name: "Ugandan Shilling", exponent: 0 },
  TZS: { code: "TZS", name: "Tanzanian Shilling", exponent: 2 },
  GHS: { code: "GHS", name: "Ghanaian Cedi", exponent: 2 },
  NGN: { code: "NGN", name: "Nigerian Naira", exponent: 2 },
  ZAR: { code: "ZAR", name: "South African Rand", exponent: 2 },
  XOF: { code: "XOF", name: "West African CFA Franc", exponent: 0 },
  XAF: { code: "XAF", name: "Central African CFA Franc", exponent: 0 },
  ZMW: { code: "ZMW", name: "Zambian Kwacha", exponent: 2 },
  RWF: { code: "RWF", name: "Rwandan Franc", exponent: 0 },
  CDF: { code: "CDF", name: "Congolese Franc", exponent: 2 },
  MWK: { code: "MWK", name: "Malawian Kwacha", exponent: 2 },
  ETB: { code: "ETB", name: "Ethiopian Birr", exponent: 2 },
  EGP: { code: "EGP", name: "Egyptian Pound", exponent: 2 },
  USD: { code: "USD", name: "US Dollar", exponent: 2 },
};

export interface Market {
  country: string;
  currency: string;
}

export function marketKey(m: Market): string {
  return `${m.country}-${m.currency}`;
}

export function parseMarketKey(value: string | undefined | null): Market | null {
  const m = /^([A-Z]{2})-([A-Z]{3})$/.exec(value ?? "");
  return m ? { country: m[1], currency: m[2] } : null;
}

export function currencyExponent(currency: string): number {
  const info = CURRENCIES[currency];
  if (!info) throw new Error(`Unknown currency ${currency}`);
  return info.exponent;
}

export const CHAINS: Record<string, { name: string; explorer: (address: string) => string; txExplorer: (hash: string) => string }> = {
  CELO: { name: "Celo", explorer: (a) => `https://celoscan.io/address/${a}`, txExplorer: (h) => `https://celoscan.io/tx/${h}` },
  ETHEREUM: { name: "Ethereum", explorer: (a) => `https://etherscan.io/address/${a}`, txExplorer: (h) => `https://etherscan.io/tx/${h}` },
  POLYGON: { name: "Polygon", explorer: (a) => `https://polygonscan.com/address/${a}`, txExplorer: (h) => `https://polygonscan.com/tx/${h}` },
  TRON: { name: "Tron", explorer: (a) => `https://tronscan.org/#/address/${a}`, txExplorer: (h) => `https://tronscan.org/#/transaction/${h}` },
  STELLAR: { name: "Stellar", explorer: (a) => `https://stellar.expert/explorer/public/account/${a}`, txExplorer: (h) => `https://stellar.expert/explorer/public/tx/${h}` },
  BASE: { name: "Base", explorer: (a) => `https://basescan.org/address/${a}`, txExplorer: (h) => `https://basescan.org/tx/${h}` },
  ARBITRUM: { name: "Arbitrum", explorer: (a) => `https://arbiscan.io/address/${a}`, txExplorer: (h) => `https://arbiscan.io/tx/${h}` },
};

export const TOKEN_DECIMALS: Record<string, number> = { USDT: 6, USDC: 6, CUSD: 18, CKES: 18, USDGLO: 18 };
