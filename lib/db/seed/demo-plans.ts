import type { IntegratorPlan, MarketPlan } from "./plan";

/** The demo login (every demo user shares the password). */
export const DEMO_EMAIL = "demo@kotanipay.test";
export const DEMO_PASSWORD = "Demo-Backoffice-2026";

const DEMO_SANDBOX: [string, string, number][] = [
  ["KE", "KES", 28],
  ["UG", "UGX", 12],
  ["TZ", "TZS", 8],
  ["GH", "GHS", 10],
  ["NG", "NGN", 12],
  ["ZA", "ZAR", 7],
  ["CI", "XOF", 5],
  ["SN", "XOF", 4],
  ["CM", "XAF", 4],
  ["ZM", "ZMW", 5],
  ["RW", "RWF", 5],
];
const DEMO_PRODUCTION: [string, string, number][] = [
  ["KE", "KES", 50],
  ["UG", "UGX", 18],
  ["GH", "GHS", 14],
  ["NG", "NGN", 18],
];

function markets(environment: MarketPlan["environment"], list: [string, string, number][]): MarketPlan[] {
  return list.map(([country, currency, weight], i) => ({ environment, country, currency, weight, isDefault: i === 0 }));
}

export function demoPlans(transactions: number): IntegratorPlan[] {
  return [
    {
      key: "demo",
      organization: "Demo Kotani Pay",
      productName: "Demo Kotani Pay",
      email: DEMO_EMAIL,
      phone: "+254722000111",
      countryCode: "KE",
      timezone: "Africa/Nairobi",
      productionStatus: "active",
      members: [
        { email: DEMO_EMAIL, name: "Demo Owner", role: "Owner" },
        { email: "admin@kotanipay.test", name: "Demo Admin", role: "Admin" },
        { email: "developer@kotanipay.test", name: "Demo Developer", role: "Developer" },
        { email: "finance@kotanipay.test", name: "Demo Finance", role: "Finance" },
        { email: "viewer@kotanipay.test", name: "Demo Viewer", role: "Viewer" },
      ],
      markets: [...markets("sandbox", DEMO_SANDBOX), ...markets("production", DEMO_PRODUCTION)],
      environmentShare: { sandbox: 80, production: 20 },
      transactions,
      callbackUrl: "https://api.demo-kotani.test/webhooks/kotani",
      cryptoChains: {
        sandbox: ["CELO", "TRON", "POLYGON", "ETHEREUM", "STELLAR"],
        production: ["CELO", "TRON", "POLYGON"],
      },
    },
    {
      key: "savanna",
      organization: "Savanna Remit",
      productName: "Savanna Remit",
      email: "owner@savanna.test",
      phone: "+256772000222",
      countryCode: "KE",
      timezone: "Africa/Nairobi",
      productionStatus: "not_started",
      members: [{ email: "owner@savanna.test", name: "Savanna Owner", role: "Owner" }],
      markets: markets("sandbox", [
        ["KE", "KES", 65],
        ["UG", "UGX", 35],
      ]),
      environmentShare: { sandbox: 1 },
      transactions: 400,
      callbackUrl: "https://hooks.savanna-remit.test/kotani",
      cryptoChains: { sandbox: ["CELO", "TRON"] },
    },
  ];
}
