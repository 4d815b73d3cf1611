/**
 * Static facts the demo data draws on: phone numbering per network, names, banks, rough
 * USD rates and amount ranges per currency. Prefixes are real mobile ranges, checked with
 * libphonenumber-js (max metadata) in seed.test.ts.
 */

/** "70 71 72" → ["70", "71", "72"] */
const w = (s: string): readonly string[] => s.split(" ");
/** "Ama, Kofi" → ["Ama", "Kofi"] */
const list = (s: string): readonly string[] => s.split(", ");

export interface PhonePlan {
  callingCode: string;
  /** Digits in the national significant number. */
  length: number;
  /** network → NSN prefixes. Networks match COUNTRIES[country].networks in lib/markets.ts. */
  networks: Record<string, readonly string[]>;
  /** UTC offset of the local time zone (no DST anywhere here), for the hourly pattern. */
  utcOffset: number;
}

export const PHONE_PLANS: Record<string, PhonePlan> = {
  KE: {
    callingCode: "254",
    length: 9,
    utcOffset: 3,
    networks: {
      MPESA: w("70 71 72 79 740 741 742 743 745 746 748 757 758 759 768 769 110 111 112 113 114 115"),
      AIRTEL: w("73 78 750 751 752 753 754 755 756 762 100 101 102"),
    },
  },
  UG: { callingCode: "256", length: 9, utcOffset: 3, networks: { MTN: w("77 78 76"), AIRTEL: w("70 75 74") } },
  TZ: {
    callingCode: "255",
    length: 9,
    utcOffset: 3,
    networks: { VODACOM: w("74 75 76"), AIRTEL: w("68 69 78"), YAS: w("65 67 71"), HALOPESA: w("61 62") },
  },
  GH: {
    callingCode: "233",
    length: 9,
    utcOffset: 0,
    networks: { MTN: w("24 54 55 53"), VODAFONE: w("20 50"), AIRTEL: w("26 56 27 57") },
  },
  NG: {
    callingCode: "234",
    length: 10,
    utcOffset: 1,
    networks: {
      MTN: w("803 806 703 706 813 816 810 814 903 906"),
      AIRTEL: w("802 808 708 812 701 902 907 901"),
    },
  },
  ZA: { callingCode: "27", length: 9, utcOffset: 2, networks: { VODACOM: w("82 72 76 79"), MTN: w("83 73 78") } },
  CI: {
    callingCode: "225",
    length: 10,
    utcOffset: 0,
    networks: { MTN: w("05"), ORANGE: w("07"), MOOV: w("01"), WAVE: w("07 05") },
  },
  SN: {
    callingCode: "221",
    length: 9,
    utcOffset: 0,
    networks: { ORANGE: w("77 78"), FREE: w("76"), EXPRESSO: w("70"), WAVE: w("77 78 76") },
  },
  CM: {
    callingCode: "237",
    length: 9,
    utcOffset: 1,
    networks: { MTN: w("67 650 651 652 653 654 680 681 682"), ORANGE: w("69 655 656 657 658 659") },
  },
  ZM: {
    callingCode: "260",
    length: 9,
    utcOffset: 2,
    networks: { MTN: w("96 76"), AIRTEL: w("97 77"), ZAMTEL: w("95 75") },
  },
  RW: { callingCode: "250", length: 9, utcOffset: 2, networks: { MTN: w("78 79"), AIRTEL: w("72 73") } },
};

/** Network market share per country (weights). */
export const NETWORK_SHARE: Record<string, Record<string, number>> = {
  KE: { MPESA: 85, AIRTEL: 15 },
  UG: { MTN: 60, AIRTEL: 40 },
  TZ: { VODACOM: 40, AIRTEL: 25, YAS: 25, HALOPESA: 10 },
  GH: { MTN: 70, VODAFONE: 20, AIRTEL: 10 },
  NG: { MTN: 65, AIRTEL: 35 },
  ZA: { VODACOM: 55, MTN: 45 },
  CI: { ORANGE: 40, MTN: 30, MOOV: 10, WAVE: 20 },
  SN: { ORANGE: 45, WAVE: 35, FREE: 15, EXPRESSO: 5 },
  CM: { MTN: 55, ORANGE: 45 },
  ZM: { MTN: 50, AIRTEL: 40, ZAMTEL: 10 },
  RW: { MTN: 75, AIRTEL: 25 },
};

/** The sandbox's magic numbers (domain reference §6), valid phone numbers in these countries. */
export const SANDBOX_SCENARIOS: readonly {
  suffix: string;
  outcome: "SUCCESSFUL" | "FAILED" | "PENDING";
  error?: SeedError;
  name: [string, string];
}[] = [
  { suffix: "700000001", outcome: "SUCCESSFUL", name: ["Jane", "Mary Doe"] },
  { suffix: "700000002", outcome: "SUCCESSFUL", name: ["Robert", "James Smith"] },
  {
    suffix: "700000010",
    outcome: "FAILED",
    error: { code: "INSUFFICIENT_FUNDS", message: "Insufficient funds" },
    name: ["Test", "Insufficient"],
  },
  {
    suffix: "700000011",
    outcome: "FAILED",
    error: { code: "ACCOUNT_NOT_FOUND", message: "Account not found" },
    name: ["Test", "Unknown"],
  },
  {
    suffix: "700000012",
    outcome: "FAILED",
    error: { code: "LIMIT_EXCEEDED", message: "Transaction limit exceeded" },
    name: ["Test", "Limit"],
  },
  {
    suffix: "700000013",
    outcome: "FAILED",
    error: { code: "CANCELLED_BY_CUSTOMER", message: "Transaction cancelled by customer" },
    name: ["Test", "Cancelled"],
  },
  { suffix: "700000020", outcome: "PENDING", name: ["Test", "Never Settles"] },
  { suffix: "700000021", outcome: "SUCCESSFUL", name: ["Test", "Slow Success"] },
];
export const SANDBOX_SCENARIO_COUNTRIES = new Set(["KE", "UG", "TZ"]);

export interface SeedError {
  code: string;
  message: string;
}

/** The sandbox's failure outcomes, used for failed mobile-money and bank transactions. */
export const FAILURE_ERRORS: readonly SeedError[] = SANDBOX_SCENARIOS.filter((s) => s.error).map((s) => s.error!);
export const WALLET_INSUFFICIENT: SeedError = {
  code: "INSUFFICIENT_FUNDS",
  message: "Insufficient funds in payout balance",
};
export const CRYPTO_TRANSFER_FAILED: SeedError = {
  code: "CRYPTO_TRANSFER_FAILED",
  message: "On-chain transfer to the receiver address failed",
};
export const CRYPTO_NOT_RECEIVED: SeedError = {
  code: "CRYPTO_NOT_RECEIVED",
  message: "Crypto deposit was not confirmed on-chain",
};

export interface CurrencyPlan {
  /** Local units per 1 USD, times 10^4. */
  rateE4: number;
  /** Smallest and largest amount, in major units. */
  min: number;
  max: number;
  /** Whether amounts and fees may carry cents (else whole units even when the ISO exponent is 2). */
  cents: boolean;
}

export const CURRENCY_PLANS: Record<string, CurrencyPlan> = {
  KES: { rateE4: 1_292_000, min: 50, max: 150_000, cents: false },
  UGX: { rateE4: 36_800_000, min: 500, max: 5_000_000, cents: false },
  TZS: { rateE4: 25_500_000, min: 1_000, max: 3_000_000, cents: false },
  GHS: { rateE4: 124_000, min: 1, max: 15_000, cents: true },
  NGN: { rateE4: 15_300_000, min: 100, max: 2_000_000, cents: false },
  ZAR: { rateE4: 181_000, min: 10, max: 20_000, cents: true },
  XOF: { rateE4: 5_650_000, min: 200, max: 1_000_000, cents: false },
  XAF: { rateE4: 5_650_000, min: 200, max: 1_000_000, cents: false },
  ZMW: { rateE4: 258_000, min: 5, max: 30_000, cents: true },
  RWF: { rateE4: 14_200_000, min: 100, max: 1_500_000, cents: false },
};

/** Onramp/offramp pairs (chain, token) with weights. */
export const CRYPTO_PAIRS: readonly (readonly [{ chain: string; token: string }, number])[] = [
  [{ chain: "TRON", token: "USDT" }, 35],
  [{ chain: "CELO", token: "CUSD" }, 25],
  [{ chain: "POLYGON", token: "USDC" }, 15],
  [{ chain: "STELLAR", token: "USDC" }, 15],
  [{ chain: "ETHEREUM", token: "USDT" }, 10],
];

/** Tokens held per chain by the integrator's crypto wallets. */
export const CHAIN_TOKENS: Record<string, readonly string[]> = {
  CELO: ["CUSD", "CKES", "USDGLO"],
  TRON: ["USDT", "USDC"],
  POLYGON: ["USDC", "USDT"],
  ETHEREUM: ["USDT", "USDC"],
  STELLAR: ["USDC"],
};

export const PROVIDERS: Record<string, string> = {
  MPESA: "MPESA",
  AIRTEL: "AIRTEL_MONEY",
  MTN: "MTN_MOMO",
  VODAFONE: "TELECEL_CASH",
  VODACOM: "VODACOM",
  YAS: "MIXX_BY_YAS",
  HALOPESA: "HALOPESA",
  ORANGE: "ORANGE_MONEY",
  MOOV: "MOOV_MONEY",
  WAVE: "WAVE",
  FREE: "FREE_MONEY",
  EXPRESSO: "E_MONEY",
  ZAMTEL: "ZAMTEL_KWACHA",
};

export const BANKS: Record<string, readonly { code: string; name: string; provider: string }[]> = {
  KE: [
    { code: "01", name: "KCB Bank", provider: "PESALINK" },
    { code: "68", name: "Equity Bank", provider: "PESALINK" },
    { code: "11", name: "Co-operative Bank", provider: "PESALINK" },
    { code: "07", name: "NCBA Bank", provider: "PESALINK" },
    { code: "31", name: "Stanbic Bank", provider: "PESALINK" },
    { code: "03", name: "Absa Bank Kenya", provider: "PESALINK" },
  ],
  ZA: [
    { code: "250655", name: "FNB", provider: "PAYSHAP" },
    { code: "632005", name: "ABSA", provider: "PAYSHAP" },
    { code: "051001", name: "Standard Bank", provider: "PAYSHAP" },
    { code: "470010", name: "Capitec", provider: "PAYSHAP" },
    { code: "198765", name: "Nedbank", provider: "PAYSHAP" },
  ],
  NG: [
    { code: "058", name: "GTBank", provider: "NIBSS" },
    { code: "044", name: "Access Bank", provider: "NIBSS" },
    { code: "057", name: "Zenith Bank", provider: "NIBSS" },
    { code: "011", name: "First Bank", provider: "NIBSS" },
    { code: "033", name: "UBA", provider: "NIBSS" },
  ],
};

const EAST_FIRST = list(
  "Wanjiru, Achieng, Kamau, Otieno, Njeri, Akinyi, Baraka, Amani, Zawadi, Neema, Juma, Halima, Brian, Faith, Kevin, Mercy, Dennis, Grace, Collins, Esther, Wafula, Chebet, Kiprop, Nafula",
);
const EAST_LAST = list(
  "Kamau, Otieno, Mwangi, Ochieng, Wambui, Kiprono, Mutua, Njoroge, Omondi, Chebet, Kariuki, Wekesa, Odhiambo, Mutiso, Kimani, Korir",
);
const UG_FIRST = list(
  "Mugisha, Nakato, Kato, Babirye, Musoke, Nalwoga, Ssemakula, Atim, Okello, Namutebi, Tumusiime, Akello, Ronald, Sarah, Isaac, Patience",
);
const UG_LAST = list(
  "Ssempala, Nakamya, Okello, Byaruhanga, Tumusiime, Mukasa, Kiggundu, Namuli, Opio, Akena, Kizza, Nsubuga",
);
const TZ_FIRST = list("Rehema, Juma, Neema, Baraka, Zuberi, Mwanaisha, Hassani, Upendo, Elia, Tumaini, Salma, Joseph");
const TZ_LAST = list("Mushi, Massawe, Mrema, Kimaro, Lyimo, Mwakyusa, Shirima, Temba, Mollel, Swai");
const RW_FIRST = list("Ishimwe, Uwase, Habimana, Mugabo, Keza, Ineza, Gatete, Mutoni, Eric, Diane");
const RW_LAST = list("Niyonzima, Mugabo, Uwimana, Habimana, Nkurunziza, Mukamana, Bizimana, Iradukunda");
const GH_FIRST = list("Kwame, Ama, Kofi, Akosua, Yaw, Abena, Kwabena, Efua, Kojo, Adwoa, Nana, Esi");
const GH_LAST = list("Mensah, Owusu, Boateng, Asante, Osei, Appiah, Agyeman, Darko, Addo, Quaye, Tetteh");
const NG_FIRST = list(
  "Chinedu, Ngozi, Oluwaseun, Aisha, Emeka, Funmilayo, Ibrahim, Tunde, Chiamaka, Yusuf, Bukola, Ifeanyi",
);
const NG_LAST = list("Adeyemi, Okafor, Bello, Eze, Balogun, Okonkwo, Abubakar, Adebayo, Nwosu, Ogunleye, Musa");
const FR_WEST_FIRST = list(
  "Aminata, Moussa, Fatou, Ibrahima, Awa, Cheikh, Mamadou, Ousmane, Adjoua, Kouadio, Mariam, Seydou",
);
const FR_WEST_LAST = list(
  "Diallo, Ndiaye, Diop, Fall, Sow, Koné, Traoré, Kouassi, Kouamé, Yao, Coulibaly, Bamba, Sarr, Gueye",
);
const CM_FIRST = list("Ngono, Jean, Marie, Paul, Brice, Aurelie, Samuel, Christelle, Herve, Linda");
const CM_LAST = list("Mbarga, Fotso, Tchoupo, Essomba, Nkeng, Atangana, Kamga, Njoya, Ekane, Tchinda");
const ZA_FIRST = list("Thabo, Lerato, Sipho, Nomvula, Themba, Zanele, Pieter, Ayanda, Kagiso, Naledi, Priya, Johan");
const ZA_LAST = list(
  "Nkosi, Dlamini, Mokoena, Naidoo, van der Merwe, Botha, Khumalo, Ndlovu, Mahlangu, Pillay, Sithole",
);
const ZM_FIRST = list("Mwila, Chanda, Bwalya, Mulenga, Natasha, Kondwani, Chipo, Mapalo, Musonda, Lubasi");
const ZM_LAST = list("Phiri, Banda, Tembo, Zulu, Mwale, Lungu, Sakala, Mumba, Chileshe, Daka");

export const NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  KE: { first: EAST_FIRST, last: EAST_LAST },
  UG: { first: UG_FIRST, last: UG_LAST },
  TZ: { first: TZ_FIRST, last: TZ_LAST },
  RW: { first: RW_FIRST, last: RW_LAST },
  GH: { first: GH_FIRST, last: GH_LAST },
  NG: { first: NG_FIRST, last: NG_LAST },
  CI: { first: FR_WEST_FIRST, last: FR_WEST_LAST },
  SN: { first: FR_WEST_FIRST, last: FR_WEST_LAST },
  CM: { first: CM_FIRST, last: CM_LAST },
  ZA: { first: ZA_FIRST, last: ZA_LAST },
  ZM: { first: ZM_FIRST, last: ZM_LAST },
};

/** Relative volume per local hour of day (0–23). */
export const HOURLY_PROFILE: readonly number[] = [
  2, 1, 1, 1, 1, 2, 4, 7, 10, 12, 12, 12, 13, 12, 11, 11, 12, 13, 14, 13, 10, 7, 5, 3,
];
