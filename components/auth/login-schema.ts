import * as z from "zod/mini";

// zod/mini, and loaded on first use (zodResolverOnDemand): the page that every visit starts with
// does not download zod. The server checks the credentials again; this only gives field errors early.
export const loginSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(1, "Enter your email address"), z.regex(z.regexes.email, "Enter a valid email address")),
  password: z.string().check(z.minLength(1, "Enter your password")),
});
export type LoginValues = z.infer<typeof loginSchema>;
