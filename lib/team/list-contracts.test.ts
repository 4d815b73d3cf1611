import { describe, expect, it } from "vitest";
import { queryObject } from "@/lib/client/list-params";
import { membersListQuery } from "./members-contract";
import { membersListSchema, loadMembersSearchParams } from "./members-contract-schema";
import { rolesListQuery } from "./roles-contract";
import { rolesListSchema, loadRolesSearchParams } from "./roles-contract-schema";

const message = (schema: typeof membersListSchema | typeof rolesListSchema, qs: string) => {
  const r = schema.safeParse(queryObject(qs));
  return r.success ? null : r.error.issues[0]!.message;
};

describe("users list contract", () => {
  it("refuses bad input with clear messages", () => {
    expect(message(membersListSchema, "status=gone")).toBe("Status must be active, invited or disabled");
    expect(message(membersListSchema, "role=../x")).toBe("Unknown role");
    expect(message(membersListSchema, "sort=password.asc")).toMatch(
      /^Unknown sort column; use one of name, role, status/,
    );
    expect(message(membersListSchema, "size=7")).toBe("Page size must be one of 10, 20, 50, 100");
    expect(message(membersListSchema, `q=${"a".repeat(201)}`)).toBe("Search is limited to 200 characters");
  });

  it("what the serializer writes, the schema accepts as the same state", () => {
    const state = loadMembersSearchParams(
      "?q=%20amy%20&role=r1,r2&status=active,invited&sort=lastSignInAt.desc&page=2&size=50&hide=twoFactor",
    );
    const qs = membersListQuery(state);
    expect(new URLSearchParams(qs).has("hide")).toBe(false);
    expect(membersListSchema.parse(queryObject(qs))).toEqual({
      q: "amy",
      role: ["r1", "r2"],
      status: ["active", "invited"],
      sort: { column: "lastSignInAt", dir: "desc" },
      page: 2,
      size: 50,
    });
    expect(membersListQuery(loadMembersSearchParams(""))).toBe("");
    expect(membersListSchema.parse({})).toMatchObject({ sort: { column: "name", dir: "asc" }, page: 1, size: 20 });
  });
});

describe("roles list contract", () => {
  it("refuses bad input with clear messages", () => {
    expect(message(rolesListSchema, "type=system")).toBe("Type must be builtin or custom");
    expect(message(rolesListSchema, "sort=permissions.asc")).toBe(
      "Unknown sort column; use one of name, members, updatedAt with .asc or .desc",
    );
    expect(message(rolesListSchema, "page=-1")).toBe("Page must be 1 or more");
  });

  it("what the serializer writes, the schema accepts as the same state; no sort is the canonical order", () => {
    const state = loadRolesSearchParams("?q=fin&type=custom&sort=members.desc&page=1&size=10");
    expect(rolesListSchema.parse(queryObject(rolesListQuery(state)))).toEqual({
      q: "fin",
      type: ["custom"],
      sort: { column: "members", dir: "desc" },
      page: 1,
      size: 10,
    });
    expect(rolesListSchema.parse(queryObject(rolesListQuery(loadRolesSearchParams(""))))).toMatchObject({
      sort: null,
      page: 1,
      size: 20,
    });
  });
});
