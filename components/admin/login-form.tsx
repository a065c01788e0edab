"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS, describedBy } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** E-mail and password, sent to better-auth's sign-in endpoint (rate-limited per address). */
export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }),
      });
      if (res.ok) {
        router.replace("/admin");
        router.refresh();
        return;
      }
      const wait = Number(res.headers.get("x-retry-after"));
      setError(
        res.status === 429
          ? `Too many attempts. Try again in ${wait > 60 ? `${Math.ceil(wait / 60)} minutes` : "a minute"}.`
          : res.status === 401 || res.status === 403
            ? "Wrong e-mail or password, or the account is disabled."
            : "Signing in failed. Try again.",
      );
    } catch {
      setError("The server could not be reached. Check your connection.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field id="email" label="E-mail">
        <input id="email" name="email" type="email" autoComplete="username" required className={INPUT_CLASS} {...describedBy("email", undefined, undefined)} />
      </Field>
      <Field id="password" label="Password">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={INPUT_CLASS} {...describedBy("password", undefined, undefined)} />
      </Field>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
