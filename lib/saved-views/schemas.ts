/**
 * Input schemas of the saved-view actions, shared with the forms (zodResolver). Every input names
 * its list: the gate's check (the member may read that list) and the services' lookups use it.
 * The params' keys and values are checked against the list's contract by the services.
 */
import { z } from "zod";
import { cleanText, plainText } from "@/lib/text-input";
import { SAVED_VIEW_LIST_IDS, type SavedViewList } from "./lists";

/** A view's params (a query string of the list's keys): at most this many characters. */
export const MAX_VIEW_PARAMS = 2000;
/** Saved views one member may have on one list (their own, private or shared). */
export const MAX_VIEWS_PER_LIST = 50;

export const savedViewListSchema = z.enum(SAVED_VIEW_LIST_IDS as [SavedViewList, ...SavedViewList[]], { error: "Unknown list" });
export const savedViewIdSchema = z.string({ error: "Choose a view" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown view");
export const savedViewNameSchema = plainText(60, "The name").pipe(z.string().min(1, "Enter a name"));
export const savedViewParamsSchema = cleanText(
  z.string().max(MAX_VIEW_PARAMS, `A view holds at most ${MAX_VIEW_PARAMS} characters of filters`),
  "The view",
);

/** "Save current view…". */
export const createSavedViewSchema = z.object({
  list: savedViewListSchema,
  name: savedViewNameSchema,
  params: savedViewParamsSchema,
  shared: z.boolean().default(false),
  makeDefault: z.boolean().default(false),
});
export type CreateSavedViewInput = z.input<typeof createSavedViewSchema>;

/** Rename, save the current filters into it, share or unshare: what is given changes. */
export const updateSavedViewSchema = z.object({
  list: savedViewListSchema,
  viewId: savedViewIdSchema,
  name: savedViewNameSchema.optional(),
  params: savedViewParamsSchema.optional(),
  shared: z.boolean().optional(),
});
export type UpdateSavedViewInput = z.input<typeof updateSavedViewSchema>;

export const deleteSavedViewSchema = z.object({ list: savedViewListSchema, viewId: savedViewIdSchema });

/** The member's default view of the list; null clears it. */
export const setDefaultSavedViewSchema = z.object({ list: savedViewListSchema, viewId: savedViewIdSchema.nullable() });
