import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-accent text-canvas hover:opacity-90",
  secondary: "border border-rule bg-surface text-ink hover:bg-subtle",
  danger: "border border-red-700 bg-surface text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950",
} as const;

/** A button in one of three weights; disabled while busy. */
export function Button({ variant = "secondary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center gap-1 rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${className}`}
    />
  );
}
