"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS, describedBy } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Errors = { currentPassword?: string[]; newPassword?: string[]; confirm?: string[] };

const NEW_HINT = "At least 12 characters; a few unrelated words are easy to type and hard to guess.";

/** Checks that need no server: length and the repeated password. */
function localErrors(current: string, next: string, confirm: string): Errors {
  const errors: Errors = {};
  if (!current) errors.currentPassword = ["Enter your current password."];
  if (next.length < 12) errors.newPassword = ["Use at least 12 characters."];
  else if (next.length > 256) errors.newPassword = ["Use at most 256 characters."];
  else if (next === current) errors.newPassword = ["Choose a password different from the current one."];
  if (confirm !== next) errors.confirm = ["The two new passwords differ."];
  return errors;
}

/** What better-auth's answer means for the person changing their password. */
async function explain(res: Response): Promise<{ errors?: Errors; message: string }> {
  if (res.status === 429) {
    const wait = Number(res.headers.get("x-retry-after"));
    return { message: `Too many attempts. Wait ${wait > 0 ? `${wait} seconds` : "a minute"} and try again.` };
  }
  if (res.status === 401) return { message: "Your session has ended. Sign in again, then change your password." };
  const body = (await res.json().catch(() => null)) as { code?: string } | null;
  if (body?.code === "INVALID_PASSWORD") return { errors: { currentPassword: ["This is not your current password."] }, message: "Nothing was changed." };
  if (body?.code === "PASSWORD_TOO_SHORT" || body?.code === "PASSWORD_TOO_LONG") {
    return { errors: { newPassword: ["Use 12 to 256 characters."] }, message: "Nothing was changed." };
  }
  return { message: "The password could not be changed. Try again." };
}

/** Current, new and repeated password, sent to better-auth; every other session is signed out. */
export function AccountPasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const local = localErrors(currentPassword, newPassword, String(form.get("confirm") ?? ""));
    setErrors(local);
    setNotice(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const res = await fetch("/api/auth/change-password", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ currentPassword, newPassword, revokeOtherSessions: true }),
      });
      if (res.ok) {
        formRef.current?.reset();
        setNotice({ tone: "success", text: "Password changed. Every other session was signed out; this one stays signed in." });
        router.refresh();
      } else {
        const { errors: fieldErrors, message } = await explain(res);
        setErrors(fieldErrors ?? {});
        setNotice({ tone: "error", text: message });
      }
    } catch {
      setNotice({ tone: "error", text: "The server could not be reached. Check your connection; nothing was changed." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="max-w-md space-y-3" noValidate>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {/* Lets password managers pair the new password with this account. */}
      <input type="text" name="username" autoComplete="username" value={email} hidden readOnly />
      <Field id="currentPassword" label="Current password" errors={errors.currentPassword}>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className={INPUT_CLASS}
          {...describedBy("currentPassword", undefined, errors.currentPassword)}
        />
      </Field>
      <Field id="newPassword" label="New password" hint={NEW_HINT} errors={errors.newPassword}>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" className={INPUT_CLASS} {...describedBy("newPassword", NEW_HINT, errors.newPassword)} />
      </Field>
      <Field id="confirm" label="New password again" errors={errors.confirm}>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" className={INPUT_CLASS} {...describedBy("confirm", undefined, errors.confirm)} />
      </Field>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
