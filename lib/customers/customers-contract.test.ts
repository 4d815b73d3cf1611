import { describe, expect, it } from "vitest";
import { queryObject } from "@/lib/client/list-params";
import { customersExportUrl, customersListQuery } from "./customers-contract";
import { customersListSchema, loadCustomersSearchParams } from "./customers-contract-schema";
import { customerName, formatNationalPhone } from "./format";

const message = (qs: string) => {
  const r = customersListSchema.safeParse(queryObject(qs));
  return r.success ? null : r.error.issues[0]!.message;
};

describe("customers list contract", () => {
  it("refuses bad input with clear messages", () => {
    expect(message("status=gone")).toBe("Status must be active, inactive or suspended");
    expect(message("country=Kenya")).toBe("Unknown country");
    expect(message("network=m-pesa")).toBe("Unknown network");
    expect(message("sort=idNumber.asc")).toMatch(/^Unknown sort column; use one of createdAt, name, phoneNumber/);
    expect(message("size=7")).toBe("Page size must be one of 10, 20, 50, 100");
    expect(message("page=0")).toBe("Page must be 1 or more");
    expect(message(`q=${"a".repeat(101)}`)).toBe("Search is limited to 100 characters");
    expect(message("q=a%00b")).toBe("The search cannot contain control characters");
  });

  it("what the serializer writes, the schema accepts as the same state", () => {
    const state = loadCustomersSearchParams(
      "?q=%20%2B254%20712%20&country=KE,UG&network=MPESA&status=active,suspended&sort=name.asc&page=3&size=50&hide=email&m=KE-KES&env=sandbox",
    );
    const qs = customersListQuery(state);
    const params = new URLSearchParams(qs);
    expect(params.has("hide")).toBe(false);
    expect(params.has("m")).toBe(false);
    expect(params.has("env")).toBe(false);
    expect(customersListSchema.parse(queryObject(qs))).toEqual({
      q: "+254 712",
      country: ["KE", "UG"],
      network: ["MPESA"],
      status: ["active", "suspended"],
      sort: { column: "name", dir: "asc" },
      page: 3,
      size: 50,
    });
    // Repeated keys mean the same as a comma list.
    expect(customersListSchema.parse(queryObject("status=active&status=inactive")).status).toEqual(["active", "inactive"]);
    // The defaults are left out; no state is an empty query.
    expect(customersListQuery(loadCustomersSearchParams(""))).toBe("");
    expect(customersListSchema.parse({})).toEqual({
      q: "",
      country: [],
      network: [],
      status: [],
      sort: { column: "createdAt", dir: "desc" },
      page: 1,
      size: 20,
    });
  });

  it("the export URL carries the filters, not the sort or the paging", () => {
    const state = loadCustomersSearchParams("?q=jane&status=inactive&sort=name.asc&page=3&size=50");
    const url = new URL(customersExportUrl(state), "http://x");
    expect(url.pathname).toBe("/api/customers/export");
    expect(customersListSchema.parse(queryObject(url.search.slice(1)))).toMatchObject({
      q: "jane",
      status: ["inactive"],
      sort: { column: "createdAt", dir: "desc" },
      page: 1,
      size: 20,
    });
    expect(customersExportUrl(loadCustomersSearchParams(""))).toBe("/api/customers/export");
  });
});

describe("customer display", () => {
  it("shows a phone number in its country's national format", () => {
    expect(formatNationalPhone("+254712345678", "KE")).toBe("0712 345 678");
    expect(formatNationalPhone("+256772123456", "UG")).toBe("0772 123 456");
    expect(formatNationalPhone("+2348031234567", "NG")).toBe("0803 123 4567");
    expect(formatNationalPhone("+221771234567", "SN")).toBe("77 123 45 67");
    expect(formatNationalPhone("+2250707123456", "CI")).toBe("07 07 12 34 56");
    expect(formatNationalPhone("+237671234567", "CM")).toBe("6 71 23 45 67");
    // Another country's number, or something that is not E.164, stays as stored.
    expect(formatNationalPhone("+256772123456", "KE")).toBe("+256772123456");
    expect(formatNationalPhone("0712 345", "KE")).toBe("0712 345");
    expect(formatNationalPhone(null, "KE")).toBe("");
  });

  it("names a customer by first and last name", () => {
    expect(customerName("Jane", "Wanjiku")).toBe("Jane Wanjiku");
    expect(customerName(null, "Wanjiku")).toBe("Wanjiku");
    expect(customerName(" ", null)).toBeNull();
  });
});
