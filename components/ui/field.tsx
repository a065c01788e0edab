import type { ReactNode } from "react";

/** Shared look of text inputs, selects and text areas. */
export const INPUT_CLASS =
  "w-full rounded border border-rule bg-canvas px-2 py-1.5 text-sm text-ink aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/**
 * A labelled control with its hint and errors. The control gets `id`; its aria-describedby
 * names the hint and the error, which sits in a polite live region.
 */
export function Field({ id, label, hint, errors, required, children }: { id: string; label: string; hint?: string; errors?: string[]; required?: boolean; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? <span className="text-muted"> (required)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
        {errors?.map((e) => <p key={e}>{e}</p>)}
      </div>
    </div>
  );
}

/** aria attributes that tie a control to its Field's hint and error. */
export function describedBy(id: string, hint: string | undefined, errors: string[] | undefined) {
  return {
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" "),
    "aria-invalid": errors && errors.length > 0 ? true : undefined,
  };
}
