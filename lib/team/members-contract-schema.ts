/**
 * The Users list's params schema (zod): what GET /api/team/members parses (the one validation), and
 * the server page through readForPage. Kept apart from members-contract.ts, which client
 * components import, so zod stays on the server.
 */
import { z } from "zod";
import { listParam, pageParam, pageSizeParam, searchParam, sortParam } from "@/lib/client/list-params-schema";
import { MEMBER_DEFAULT_SORT, MEMBER_PAGE_SIZE, MEMBER_PAGE_SIZES, MEMBER_SORT_COLUMNS, MEMBER_STATUS_FILTERS, membersSearchParams } from "./members-contract";
import { createLoader } from "nuqs/server";

const roleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown role");

/** What GET /api/team/members accepts. */
export const membersListSchema = z.object({
  /** Name or email contains this (case-insensitive). */
  q: searchParam(200),
  role: listParam(50, roleId),
  status: listParam(3, z.enum(MEMBER_STATUS_FILTERS, { error: "Status must be active, invited or disabled" })),
  sort: sortParam(MEMBER_SORT_COLUMNS, MEMBER_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(MEMBER_PAGE_SIZES, MEMBER_PAGE_SIZE),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadMembersSearchParams = createLoader(membersSearchParams);
