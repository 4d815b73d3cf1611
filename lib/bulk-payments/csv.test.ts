import { describe, expect, test } from "vitest";
import { computeFee, type FeeRule } from "@/lib/engine/fees";
import {
  EMPTY_FILE,
  HEADER_ONLY,
  NOT_A_TEXT_CSV,
  NOT_UTF8,
  NOT_UTF8_UTF16,
  checkBulkFile,
  parseBulkCsv,
  referencesUsedBefore,
  type CheckContext,
  type CheckedBulkFile,
} from "./csv";
import { issuesCsv } from "./issues-csv";
import { BULK_COLUMNS, BULK_MAX_ROWS, BULK_TEMPLATE_CSV, type BulkColumn, type BulkIssue } from "./schemas";

// KES: 1% at least KES 10, at most KES 300; at most KES 150,000 a payment.
const KES_RULE: FeeRule = { percentBps: 100, flat: 0n, minFee: 1_000n, maxFee: 30_000n, maxAmount: 15_000_000n };
// UGX: 1.5% + UGX 500, at most UGX 5,000; at most UGX 5,000,000 a payment.
const UGX_RULE: FeeRule = { percentBps: 150, flat: 500n, minFee: null, maxFee: 5_000n, maxAmount: 5_000_000n };
const XOF_RULE: FeeRule = { percentBps: 100, flat: 0n, minFee: null, maxFee: null, maxAmount: 1_000_000n };

const CTX: CheckContext = {
  // TZS is a market without a payout fee rule: refused like an unknown currency.
  markets: [
    { country: "KE", currency: "KES" },
    { country: "UG", currency: "UGX" },
    { country: "TZ", currency: "TZS" },
    { country: "CI", currency: "XOF" },
    { country: "SN", currency: "XOF" },
  ],
  feeRules: new Map([
    ["KES", KES_RULE],
    ["UGX", UGX_RULE],
    ["XOF", XOF_RULE],
  ]),
};

const HEADER = BULK_COLUMNS.join(",");
type Cells = Partial<Record<BulkColumn, string>>;
const DEFAULTS: Record<BulkColumn, string> = {
  recipient_name: "Jane Doe",
  recipient_email: "jane@example.com",
  recipient_phone: "+254712345678",
  amount: "1500",
  currency: "KES",
  reference: "REF-1",
  description: "November salary",
  metadata: "",
  network: "",
};
/** One CSV line in BULK_COLUMNS order (cells are written as given: quote them yourself). */
function line(cells: Cells = {}): string {
  return BULK_COLUMNS.map((c) => cells[c] ?? DEFAULTS[c]).join(",");
}
/** A cell quoted as CSV (for values holding commas or quotes). */
const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (...lines: string[]) => bytes(lines.join("\n") + "\n");
const check = (data: Uint8Array, ctx: CheckContext = CTX): CheckedBulkFile => checkBulkFile(parseBulkCsv(data), ctx);
/** The file with the header and these rows (each row gets a distinct reference unless it sets one). */
const checkRows = (...rows: Cells[]) => check(file(HEADER, ...rows.map((r, i) => line({ reference: `REF-${i + 1}`, ...r }))));
const issue = (row: number | null, column: BulkColumn | null, message: string | RegExp) => ({ row, column, message: typeof message === "string" ? message : expect.stringMatching(message) });
/** The single error of a one-row file whose row has one problem. */
function onlyError(cells: Cells): BulkIssue {
  const r = checkRows(cells);
  expect(r.errors).toHaveLength(1);
  expect(r.rows).toHaveLength(0);
  return r.errors[0];
}

describe("reading the file", () => {
  test("a valid file gives checked rows: E.164 phone, detected network, minor units, the number's country", () => {
    const r = check(file(HEADER, line({ metadata: '"{""employeeId"":""E-001""}"' }), line({ recipient_phone: "0733123456", amount: "20.50", reference: "REF-2", description: "" })));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.totalRecords).toBe(2);
    expect(r.rows).toEqual([
      {
        rowNo: 2,
        recipientName: "Jane Doe",
        recipientEmail: "jane@example.com",
        recipientPhone: "+254712345678",
        network: "MPESA",
        amount: "150000",
        currency: "KES",
        country: "KE",
        reference: "REF-1",
        description: "November salary",
        metadata: { employeeId: "E-001" },
      },
      expect.objectContaining({ rowNo: 3, recipientPhone: "+254733123456", network: "AIRTEL", amount: "2050", description: null, metadata: null }),
    ]);
  });

  test("the download template is a valid file", () => {
    const r = check(bytes(BULK_TEMPLATE_CSV));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.currency, x.amount, x.network, x.country])).toEqual([
      ["KES", "150000", "MPESA", "KE"],
      ["UGX", "50000", "AIRTEL", "UG"],
    ]);
  });

  test("a UTF-8 BOM is stripped from the first header name", () => {
    const parsed = parseBulkCsv(bytes("\ufeff" + HEADER + "\n" + line() + "\n"));
    expect(parsed.header[0]).toBe("recipient_name");
    expect(parsed.errors).toEqual([]);
    expect(check(bytes("\ufeff" + HEADER + "\n" + line())).rows).toHaveLength(1);
  });

  test("Windows line endings (CRLF) read like LF, with no stray \\r in the last cell", () => {
    const r = check(bytes([HEADER, line({ network: "MPESA" }), line({ reference: "REF-2" })].join("\r\n") + "\r\n"));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.rowNo, x.network])).toEqual([
      [2, "MPESA"],
      [3, "MPESA"],
    ]);
  });

  test("header names are trimmed and lower-cased", () => {
    const parsed = parseBulkCsv(file(BULK_COLUMNS.map((c) => ` ${c.toUpperCase()} `).join(","), line()));
    expect(parsed.header).toEqual([...BULK_COLUMNS]);
    expect(parsed.errors).toEqual([]);
  });

  test("every cell is trimmed", () => {
    const r = checkRows({ recipient_name: "  Jane Doe ", amount: " 1500 ", currency: " kes ", reference: " REF-9 " });
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ recipientName: "Jane Doe", amount: "150000", currency: "KES", reference: "REF-9" });
  });

  test("a quoted comma stays in the name", () => {
    const r = checkRows({ recipient_name: '"Doe, Jane"' });
    expect(r.errors).toEqual([]);
    expect(r.rows[0].recipientName).toBe("Doe, Jane");
  });

  test("a quoted line break keeps its record on one spreadsheet row (the rows below keep counting by record)", () => {
    const r = check(file(HEADER, line({ recipient_name: '"Jane\r\nDoe"', reference: "A" }), line({ reference: "B" }), line({ reference: "C", amount: "x" })));
    expect(r.rows.map((x) => [x.rowNo, x.recipientName])).toEqual([
      [2, "Jane Doe"],
      [3, "Jane Doe"],
    ]);
    // The third record is on text line 5 but spreadsheet row 4.
    expect(r.errors).toEqual([issue(4, "amount", /is not an amount/)]);
  });

  test("blank lines are skipped but keep their row, as a spreadsheet shows them", () => {
    const r = check(file(HEADER, line({ reference: "A" }), "", " , ,", line({ reference: "B", amount: "0" })));
    expect(r.totalRecords).toBe(2);
    expect(r.errors).toEqual([issue(5, "amount", "The amount must be greater than zero")]);
  });

  test("a row with a different number of cells than the header: one error on that row, no cell checks", () => {
    const r = check(file(HEADER, line({ reference: "A" }), "Jane Doe,jane@example.com,+254712345678,1500,KES,B", line({ reference: "C", recipient_name: "Doe, Jane" })));
    expect(r.errors).toEqual([
      issue(3, null, "Row has 6 cells, the header has 9"),
      issue(4, null, "Row has 10 cells, the header has 9"),
    ]);
    expect(r.rows.map((x) => x.reference)).toEqual(["A"]);
    expect(r.totalRecords).toBe(3);
  });

  test("a quote that is never closed is named on its row", () => {
    const r = check(file(HEADER, line({ reference: "A" }), line({ reference: "B", recipient_name: '"Jane Doe' }), line({ reference: "C" })));
    expect(r.errors).toEqual([issue(3, null, /^Invalid CSV format: a quoted cell on this row is never closed/)]);
  });

  test("a quote inside a quoted cell that is not doubled", () => {
    const r = check(file(HEADER, line({ recipient_name: '"Jane "JD" Doe"' })));
    expect(r.errors).toEqual([issue(2, null, 'Invalid CSV format: a quote inside a quoted cell must be written twice ("")')]);
  });

  test("a file separated by semicolons is named as such", () => {
    const r = check(file(BULK_COLUMNS.join(";"), BULK_COLUMNS.map((c) => DEFAULTS[c]).join(";")));
    expect(r.errors).toEqual([issue(null, null, "Invalid CSV format: the columns are separated by semicolons. Save the file with commas (CSV UTF-8)")]);
  });
});

describe("file-level errors", () => {
  test("empty: 0 bytes, only white space, only a BOM", () => {
    for (const data of [new Uint8Array(0), bytes("  \r\n\n\t \n"), bytes("\ufeff")]) {
      const r = check(data);
      expect(r.errors).toEqual([issue(null, null, EMPTY_FILE)]);
      expect(r.totalRecords).toBe(0);
      expect(r.rows).toEqual([]);
    }
    expect(EMPTY_FILE).toBe("The file is empty");
  });

  test("header only", () => {
    for (const data of [bytes(HEADER), file(HEADER), file(HEADER, "", ",,,,,,,,")]) {
      expect(check(data).errors).toEqual([issue(null, null, HEADER_ONLY)]);
    }
    expect(HEADER_ONLY).toBe("The file has no rows below its header");
  });

  test("binary garbage is not a text CSV", () => {
    // A PNG's signature and chunk header, then pseudo-random bytes (a fixed seed).
    const data = new Uint8Array(4096);
    data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    let seed = 42;
    for (let i = 16; i < data.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      data[i] = seed >> 16;
    }
    expect(check(data).errors).toEqual([issue(null, null, NOT_A_TEXT_CSV)]);
    expect(NOT_A_TEXT_CSV).toBe("Invalid CSV format: this is not a text CSV file");
    // Valid UTF-8 that is mostly NUL bytes (UTF-16 without its mark) is binary too.
    expect(check(new Uint8Array(200)).errors).toEqual([issue(null, null, NOT_A_TEXT_CSV)]);
  });

  test("text in another encoding is asked for as CSV UTF-8", () => {
    // "José" in Windows-1252 (what Excel's plain "CSV" writes): é is the single byte 0xE9.
    const latin1 = file(HEADER, line({ recipient_name: "Jos\u0000" }));
    latin1[latin1.indexOf(0)] = 0xe9;
    expect(check(latin1).errors).toEqual([issue(null, null, NOT_UTF8)]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...HEADER].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(check(utf16).errors).toEqual([issue(null, null, NOT_UTF8_UTF16)]);
  });

  test("missing required columns: one file-level error naming them, no row checks", () => {
    const header = BULK_COLUMNS.filter((c) => c !== "amount" && c !== "currency");
    const r = check(file(header.join(","), header.map((c) => (c === "recipient_name" ? "" : DEFAULTS[c])).join(",")));
    expect(r.errors).toEqual([issue(null, null, "Required columns missing: amount, currency")]);
    expect(r.totalRecords).toBe(1);
    expect(r.rows).toEqual([]);
  });

  test("optional columns may be left out", () => {
    const header = "recipient_name,recipient_email,recipient_phone,amount,currency,reference";
    const r = check(file(header, "Jane Doe,jane@example.com,+254712345678,1500,KES,REF-1"));
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ network: "MPESA", description: null, metadata: null });
  });

  test("an unknown column is one warning, and its cells are ignored", () => {
    const r = check(file(`${HEADER},Foo,`, `${line()},=cmd(),`));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([issue(null, null, "Column 'foo' is not used"), issue(null, null, "Column 11 has no name: it is not used")]);
    expect(r.rows).toHaveLength(1);
  });

  test("a column named twice is an error", () => {
    const r = check(file(`${HEADER},Amount`, `${line()},2000`));
    expect(r.errors).toEqual([issue(null, "amount", "Column 'amount' appears more than once in the header")]);
    expect(r.rows).toEqual([]);
  });

  test(`more than ${BULK_MAX_ROWS} rows: one file-level error, no row checks, the count still reported`, () => {
    const lines = [HEADER];
    for (let i = 0; i <= BULK_MAX_ROWS; i++) lines.push(line({ reference: `R-${i}`, amount: i === 5 ? "oops" : "100" }));
    const r = check(file(...lines));
    expect(r.errors).toEqual([issue(null, null, "At most 10,000 rows in one file (this one has 10,001)")]);
    expect(r.totalRecords).toBe(10_001);
    expect(r.rows).toEqual([]);
    expect(r.currencyBreakdown).toEqual([]);
  });
});

describe("per row", () => {
  test("every problem of a row is reported, one per cell, in column order", () => {
    const r = checkRows({ recipient_name: "", recipient_email: "jane@", recipient_phone: "", amount: quoted("1,000"), currency: "KES", reference: "bad ref", metadata: quoted("{oops, }") });
    expect(r.errors).toEqual([
      issue(2, "recipient_name", "The recipient's name is missing"),
      issue(2, "recipient_email", "'jane@' is not a valid email address, like name@example.com"),
      issue(2, "recipient_phone", "The phone number is missing"),
      issue(2, "amount", "Write amounts without thousands separators, like 1000.50"),
      issue(2, "reference", "'bad ref' has characters a reference cannot have: use letters, digits, '.', '_' or '-'"),
    ]);
    expect(r.warnings).toEqual([issue(2, "metadata", "metadata is not valid JSON: kept as text")]);
    expect(r.rows).toEqual([]);
  });

  test("errors of several rows are sorted by row then column; valid rows are kept in file order", () => {
    const r = checkRows({ amount: "0" }, {}, { currency: "GHS", recipient_name: "" }, {});
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "amount"],
      [4, "recipient_name"],
      [4, "currency"],
    ]);
    expect(r.rows.map((x) => x.rowNo)).toEqual([3, 5]);
  });

  describe("recipient_name", () => {
    test("missing", () => expect(onlyError({ recipient_name: "" })).toEqual(issue(2, "recipient_name", "The recipient's name is missing")));
    test("at most 100 characters", () => {
      expect(checkRows({ recipient_name: "é".repeat(100) }).errors).toEqual([]);
      expect(onlyError({ recipient_name: "é".repeat(101) })).toEqual(issue(2, "recipient_name", "The recipient's name is 101 characters long: at most 100"));
    });
    test("a NUL byte (or any control character) in a cell is an error on that cell", () => {
      const r = check(file(HEADER, line({ recipient_name: "Jane\u0000Doe" }), line({ reference: "REF-2", description: "tab\tok", network: "MPESA\u007f" })));
      expect(r.errors).toEqual([
        issue(2, "recipient_name", "The recipient's name contains a control character (U+0000): remove it"),
        issue(3, "network", "The network contains a control character (U+007F): remove it"),
      ]);
    });
    test("a formula-like name or description is kept as text (exports neutralise it)", () => {
      const r = checkRows({ recipient_name: '"=HYPERLINK(""http://x"",""Jane"")"', description: "@SUM(A1:A2)" }, { recipient_name: "-Jane", description: "+1 call" });
      expect(r.errors).toEqual([]);
      expect(r.rows.map((x) => [x.recipientName, x.description])).toEqual([
        ['=HYPERLINK("http://x","Jane")', "@SUM(A1:A2)"],
        ["-Jane", "+1 call"],
      ]);
    });
  });

  describe("recipient_email", () => {
    test("missing", () => expect(onlyError({ recipient_email: "" })).toEqual(issue(2, "recipient_email", "The email address is missing")));
    test("invalid format", () => {
      for (const bad of ["jane", "jane@example", "jane doe@example.com", "@example.com"]) {
        expect(onlyError({ recipient_email: bad })).toEqual(issue(2, "recipient_email", `'${bad}' is not a valid email address, like name@example.com`));
      }
    });
  });

  describe("currency", () => {
    test("missing", () => expect(onlyError({ currency: "" })).toEqual(issue(2, "currency", "The currency is missing")));
    test("3 letters, any case", () => {
      expect(onlyError({ currency: "KSH1" })).toEqual(issue(2, "currency", "'KSH1' is not a currency code: write 3 letters, like KES"));
      expect(checkRows({ currency: "kes" }).rows[0].currency).toBe("KES");
    });
    test("a currency not in the integrator's markets", () => {
      expect(onlyError({ currency: "GHS" })).toEqual(issue(2, "currency", "GHS is not enabled for your account in this environment (enabled: KES, UGX, XOF)"));
    });
    test("a market's currency without a payout fee rule is refused the same way", () => {
      expect(onlyError({ currency: "TZS", recipient_phone: "+255741234567" })).toEqual(issue(2, "currency", /^TZS is not enabled for your account in this environment/));
    });
    test("without a valid currency the phone is not checked against a country, but the amount's format is", () => {
      const r = checkRows({ currency: "GHS", recipient_phone: "+255741234567", amount: "1e3" });
      expect(r.errors.map((e) => e.column)).toEqual(["amount", "currency"]);
    });
  });

  describe("recipient_phone", () => {
    test("missing", () => expect(onlyError({ recipient_phone: "" })).toEqual(issue(2, "recipient_phone", "The phone number is missing")));
    test("local and international forms give E.164", () => {
      const r = checkRows({ recipient_phone: "0712 345 678" }, { recipient_phone: "254712345678" }, { recipient_phone: "+254 (712) 345-678" });
      expect(r.errors).toEqual([]);
      expect(r.rows.map((x) => x.recipientPhone)).toEqual(["+254712345678", "+254712345678", "+254712345678"]);
    });
    test("a number of another country names both countries", () => {
      expect(onlyError({ recipient_phone: "+255741234567" })).toEqual(issue(2, "recipient_phone", "+255741234567 is a Tanzania number, not a Kenya one: KES pays to Kenya"));
      expect(onlyError({ recipient_phone: "+254712345678", currency: "UGX", amount: "5000" })).toEqual(
        issue(2, "recipient_phone", "+254712345678 is a Kenya number, not a Uganda one: UGX pays to Uganda"),
      );
    });
    test("an invalid number, and a landline", () => {
      expect(onlyError({ recipient_phone: "12345" })).toEqual(issue(2, "recipient_phone", "12345 is not a valid Kenya mobile number: write it with its country code, like +254712345678"));
      expect(onlyError({ recipient_phone: "+254202222222" })).toEqual(issue(2, "recipient_phone", "+254202222222 is not a mobile number: mobile money needs one"));
    });
    test("a currency paid to several countries: the first country the number is valid in wins", () => {
      const r = checkRows({ currency: "XOF", amount: "5000", recipient_phone: "+221771234567" }, { currency: "XOF", amount: "5000", recipient_phone: "+2250712345678" });
      expect(r.errors).toEqual([]);
      expect(r.rows.map((x) => [x.country, x.network])).toEqual([
        ["SN", "ORANGE"],
        ["CI", "ORANGE"],
      ]);
      expect(onlyError({ currency: "XOF", amount: "5000", recipient_phone: "+254712345678" })).toEqual(
        issue(2, "recipient_phone", "+254712345678 is a Kenya number, not a Côte d'Ivoire or Senegal one: XOF pays to Côte d'Ivoire or Senegal"),
      );
    });
  });

  describe("amount", () => {
    test.each([
      ["1,000", "Write amounts without thousands separators, like 1000.50"],
      ["1,000.50", "Write amounts without thousands separators, like 1000.50"],
      ["1.000.000", "Write amounts without thousands separators, like 1000.50"],
      ["12,50", "Use a dot for decimals, like 1000.50"],
      ["1e3", "Write the amount in full digits, like 1000, not as 1e3"],
      ["-5", "The amount must be greater than zero: remove the minus sign"],
      ["0", "The amount must be greater than zero"],
      ["0.00", "The amount must be greater than zero"],
      ["+5", "Write the amount without a plus sign, like 1000.50"],
      ["1 000", "Write the amount without spaces, like 1000.50"],
      [".5", "Write the amount with digits on both sides of the dot, like 0.50"],
      ["KES 100", "'KES 100' is not an amount: write digits with an optional decimal point, like 1000.50"],
      ["=1+1", "'=1+1' is not an amount: write digits with an optional decimal point, like 1000.50"],
      ["12.345", "KES allows at most 2 decimal places"],
      ["", "The amount is missing"],
    ])("KES %s is refused", (amount, message) => {
      expect(onlyError({ amount: quoted(amount) })).toEqual(issue(2, "amount", message));
    });
    test("KES 12.34 and 12.3 are minor units", () => {
      expect(checkRows({ amount: "12.34" }, { amount: "12.3" }, { amount: "007" }).rows.map((x) => x.amount)).toEqual(["1234", "1230", "700"]);
    });
    test("UGX has no decimal places", () => {
      expect(onlyError({ currency: "UGX", recipient_phone: "+256772123456", amount: "12.5" })).toEqual(issue(2, "amount", "UGX has no decimal places"));
      expect(checkRows({ currency: "UGX", recipient_phone: "+256772123456", amount: "50000" }).rows[0].amount).toBe("50000");
    });
    test("above the fee rule's limit per payment", () => {
      expect(checkRows({ amount: "150000" }).errors).toEqual([]);
      expect(onlyError({ amount: "150000.01" })).toEqual(issue(2, "amount", "KES 150,000.01 is above the limit of KES 150,000.00 per payment"));
    });
  });

  describe("reference", () => {
    test("missing, too long, characters", () => {
      expect(onlyError({ reference: "" })).toEqual(issue(2, "reference", "The reference is missing"));
      expect(checkRows({ reference: "R".repeat(64) }).errors).toEqual([]);
      expect(onlyError({ reference: "R".repeat(65) })).toEqual(issue(2, "reference", "The reference is 65 characters long: at most 64"));
      expect(onlyError({ reference: "PAY/1" })).toEqual(issue(2, "reference", "'PAY/1' has characters a reference cannot have: use letters, digits, '.', '_' or '-'"));
    });
    test("duplicates within the file: every later occurrence names the first row", () => {
      const r = checkRows({ reference: "PAY-1" }, { reference: "PAY-2" }, { reference: "PAY-1" }, { reference: "PAY-1" }, { reference: "pay-1" });
      expect(r.errors).toEqual([issue(4, "reference", "Reference PAY-1 is also on row 2"), issue(5, "reference", "Reference PAY-1 is also on row 2")]);
      expect(r.rows.map((x) => [x.rowNo, x.reference])).toEqual([
        [2, "PAY-1"],
        [3, "PAY-2"],
        [6, "pay-1"],
      ]);
    });
    test("references used before (the service's set from the database)", () => {
      const r = checkRows({ reference: "OLD-1" }, { reference: "NEW-1" }, { reference: "OLD-2" });
      expect(referencesUsedBefore(r.rows, new Set(["OLD-1", "OLD-2", "ELSEWHERE"]))).toEqual([
        issue(2, "reference", "Reference OLD-1 was used before: every payment needs a new reference"),
        issue(4, "reference", "Reference OLD-2 was used before: every payment needs a new reference"),
      ]);
      expect(referencesUsedBefore(r.rows, new Set())).toEqual([]);
    });
  });

  describe("network", () => {
    test("given: any case, one of the country's networks", () => {
      expect(checkRows({ network: "mpesa" }).rows[0].network).toBe("MPESA");
    });
    test("given but different from the detected one: a warning, the given network is used", () => {
      const r = checkRows({ network: "AIRTEL" });
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([issue(2, "network", "The number looks like a MPESA number, not AIRTEL: it will be paid on AIRTEL as given")]);
      expect(r.rows[0].network).toBe("AIRTEL");
    });
    test("an unknown network", () => {
      expect(onlyError({ network: "SAFARICOM" })).toEqual(issue(2, "network", "'SAFARICOM' is not a mobile money network in Kenya: use MPESA or AIRTEL"));
      expect(onlyError({ network: "MTN" })).toEqual(issue(2, "network", "'MTN' is not a mobile money network in Kenya: use MPESA or AIRTEL"));
    });
    test("not given and not detectable from the number", () => {
      // +254 77… is a valid Kenyan mobile number whose prefix is not in the network table.
      expect(onlyError({ recipient_phone: "+254771234567" })).toEqual(issue(2, "network", "The network could not be detected from this number: add a network column"));
      expect(checkRows({ recipient_phone: "+254771234567", network: "AIRTEL" }).rows[0].network).toBe("AIRTEL");
    });
  });

  describe("description and metadata", () => {
    test("a description longer than 200 characters: a warning, cut to 200", () => {
      const r = checkRows({ description: "é".repeat(250) });
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([issue(2, "description", "The description is 250 characters long: only the first 200 are kept")]);
      expect(r.rows[0].description).toBe("é".repeat(200));
      expect(checkRows({ description: "x".repeat(200) }).warnings).toEqual([]);
    });
    test("metadata: JSON parsed when valid, else kept as text with a warning", () => {
      const r = checkRows({ metadata: '"{""a"":1,""b"":[true,null]}"' }, { metadata: "42" }, { metadata: '"{a: 1}"' }, { metadata: "" });
      expect(r.errors).toEqual([]);
      expect(r.rows.map((x) => x.metadata)).toEqual([{ a: 1, b: [true, null] }, 42, "{a: 1}", null]);
      expect(r.warnings).toEqual([issue(4, "metadata", "metadata is not valid JSON: kept as text")]);
    });
  });
});

describe("currency breakdown", () => {
  test("per currency of the valid rows: recipients, total and Σ fee per row; sorted; never added across currencies", () => {
    const kes = ["1500", "20.50", "100000"];
    const ugx = ["50000", "1000", "999999"];
    const r = check(
      file(
        HEADER,
        line({ currency: "UGX", recipient_phone: "+256772123456", amount: ugx[0], reference: "U1" }),
        ...kes.map((amount, i) => line({ amount, reference: `K${i}` })),
        line({ currency: "UGX", recipient_phone: "+256700000002", amount: ugx[1], reference: "U2" }),
        line({ currency: "UGX", recipient_phone: "+256772123456", amount: ugx[2], reference: "U3" }),
        line({ amount: "bad", reference: "K-bad" }),
      ),
    );
    expect(r.errors).toHaveLength(1);
    const kesMinor = kes.map((a) => BigInt(Math.round(Number(a) * 100)));
    const ugxMinor = ugx.map((a) => BigInt(a));
    const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n).toString();
    expect(r.currencyBreakdown).toEqual([
      { currency: "KES", recipients: 3, totalAmount: sum(kesMinor), totalFees: sum(kesMinor.map((a) => computeFee(KES_RULE, a, "KES"))) },
      { currency: "UGX", recipients: 3, totalAmount: sum(ugxMinor), totalFees: sum(ugxMinor.map((a) => computeFee(UGX_RULE, a, "UGX"))) },
    ]);
    // The same figures by hand. KES fees: 1% of 1,500 = 15, 1% of 20.50 → the minimum 10, 1% of
    // 100,000 → the maximum 300 (in cents). UGX: 750 + 500, 15 + 500, 15,000 + 500 → the maximum 5,000.
    expect(r.currencyBreakdown.map((g) => [g.totalAmount, g.totalFees])).toEqual([
      ["10152050", "32500"],
      ["1050999", "6765"],
    ]);
  });
});

describe("issuesCsv", () => {
  test("row,column,message with quoting and formula neutralisation as every export", () => {
    const text = issuesCsv([
      { row: null, column: null, message: "Column 'foo' is not used" },
      { row: 2, column: "amount", message: "Write amounts without thousands separators, like 1000.50" },
      { row: 3, column: "recipient_email", message: "=HYPERLINK(\"x\") is not a valid email address" },
    ]);
    expect(text).toBe(
      "row,column,message\r\n" +
        ",,Column 'foo' is not used\r\n" +
        '2,amount,"Write amounts without thousands separators, like 1000.50"\r\n' +
        '3,recipient_email,"\'=HYPERLINK(""x"") is not a valid email address"\r\n',
    );
  });
});

test("a valid 10,000-row file is checked quickly (time logged, not asserted)", () => {
  const lines = [HEADER];
  for (let i = 0; i < BULK_MAX_ROWS; i++) {
    const ke = i % 2 === 0;
    lines.push(
      line(
        ke
          ? { reference: `PAY-${i}`, recipient_phone: `+25471${String(10_000_000 + i).slice(1)}`, amount: `${100 + (i % 900)}.50` }
          : { reference: `PAY-${i}`, currency: "UGX", recipient_phone: `+25677${String(10_000_000 + i).slice(1)}`, amount: String(1000 + i) },
      ),
    );
  }
  const data = file(...lines);
  let started = performance.now();
  const parsed = parseBulkCsv(data);
  const parseMs = performance.now() - started;
  started = performance.now();
  const r = checkBulkFile(parsed, CTX);
  const checkMs = performance.now() - started;
  started = performance.now();
  checkBulkFile(parsed, CTX);
  const againMs = performance.now() - started;
  console.log(`bulk csv: ${BULK_MAX_ROWS} rows (${(data.length / 1024).toFixed(0)} KB) parsed in ${parseMs.toFixed(0)} ms, checked in ${checkMs.toFixed(0)} ms (again: ${againMs.toFixed(0)} ms)`);
  expect(r.errors).toEqual([]);
  expect(r.rows).toHaveLength(BULK_MAX_ROWS);
  expect(r.currencyBreakdown.map((g) => [g.currency, g.recipients])).toEqual([
    ["KES", 5_000],
    ["UGX", 5_000],
  ]);
});

describe("a re-uploaded export", () => {
  test("reads a cell our exports neutralised ('+254…) back as it was", () => {
    const parsed = parseBulkCsv(
      new TextEncoder().encode("recipient_name,recipient_email,recipient_phone,amount,currency,reference\nJane Doe,jane@example.com,'+254700000001,100,KES,REEXPORT-1\n"),
    );
    expect(parsed.records[0]!.cells.recipient_phone).toBe("+254700000001");
  });
});
