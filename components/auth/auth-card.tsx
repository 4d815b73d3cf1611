import Link from "next/link";
import { Logo } from "@/components/shell/logo";

/** The single-column card of the auth screens (forgot password, set new password, two-factor setup). */
export function AuthCard({
  eyebrow,
  title,
  description,
  children,
  footer = true,
  wide = false,
}: {
  eyebrow?: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  footer?: boolean;
  wide?: boolean;
}) {
  return (
    <div className={`w-full ${wide ? "max-w-2xl" : "max-w-md"} rounded-2xl border bg-card p-8 shadow-xl sm:p-10`}>
      <Logo />
      {eyebrow && <p className="mt-8 text-xs font-semibold uppercase tracking-widest text-primary dark:text-violet-300">{eyebrow}</p>}
      <h1 className={`${eyebrow ? "mt-1" : "mt-8"} text-2xl font-semibold`}>{title}</h1>
      {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
      {children}
      {footer && (
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="text-primary hover:underline dark:text-violet-300">
            Back to Sign In
          </Link>
        </p>
      )}
    </div>
  );
}
