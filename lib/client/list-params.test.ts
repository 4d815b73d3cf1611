import { describe, expect, it } from "vitest";
import { createLoader, createSerializer } from "nuqs/server";
import { columnVisibility, columnVisibilityKeys, listUrlState } from "./list-params";

// Columns "View" may hide: id → hidden by default. (The reference and status cannot hide: absent.)
const DEFAULTS = new Map([
  ["phoneNumber", false],
  ["amount", false],
  ["fee", false],
  ["currency", true],
  ["completedAt", true],
]);

describe("column visibility in the URL (hide, show)", () => {
  it("no key is the list's defaults", () => {
    expect(columnVisibility(DEFAULTS, [], [])).toEqual({
      phoneNumber: true,
      amount: true,
      fee: true,
      currency: false,
      completedAt: false,
    });
  });

  it("`show` turns default-hidden columns on, `hide` turns the others off; other ids are ignored", () => {
    const v = columnVisibility(DEFAULTS, ["fee", "status", "currency"], ["completedAt", "phoneNumber", "nope"]);
    expect(v).toEqual({ phoneNumber: true, amount: true, fee: false, currency: false, completedAt: true });
    expect(v).not.toHaveProperty("status");
  });

  it("writes only the changes from the defaults, and reads back what it wrote", () => {
    const visible = { phoneNumber: false, amount: true, fee: true, currency: false, completedAt: true };
    const keys = columnVisibilityKeys(DEFAULTS, visible);
    expect(keys).toEqual({ hide: ["phoneNumber"], show: ["completedAt"] });
    expect(columnVisibility(DEFAULTS, keys.hide, keys.show)).toEqual(visible);
    expect(columnVisibilityKeys(DEFAULTS, columnVisibility(DEFAULTS, [], []))).toEqual({ hide: [], show: [] });
    // A column TanStack leaves out of its state is visible.
    expect(columnVisibilityKeys(DEFAULTS, { currency: true, fee: false })).toEqual({
      hide: ["fee"],
      show: ["currency", "completedAt"],
    });
  });

  it("the server loader reads both keys with the page's parser map; neither goes to the API", () => {
    const url = listUrlState({}, {});
    const state = createLoader(url.searchParams)("?hide=fee&show=currency,completedAt&m=KE-KES");
    expect(state).toEqual({ hide: ["fee"], show: ["currency", "completedAt"] });
    expect(createSerializer(url.searchParams)(state)).toBe("?hide=fee&show=currency,completedAt");
    expect(url.listQuery(state)).toBe("");
  });
});
