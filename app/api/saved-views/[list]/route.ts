import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { listReadRequirement } from "@/lib/saved-views/lists";
import { listSavedViews, savedViewRouteList } from "@/lib/saved-views/list-saved-views";

/** The member's saved views of one list (the toolbar's Views menu); reading the list is required. */
export const GET = gatedRoute<z.ZodObject, { list: string }>(
  (params) => listReadRequirement(savedViewRouteList(params)),
  z.object({}),
  async ({ db, scope, params }) => listSavedViews(db, scope, { list: savedViewRouteList(params) }),
);
