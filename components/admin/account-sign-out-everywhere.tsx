"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** Ends every session of this account, this one included, and returns to the sign-in page. */
export function AccountSignOutEverywhere() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/revoke-sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      if (res.ok || res.status === 401) {
        router.replace("/admin/login");
        router.refresh();
        return;
      }
      setError(res.status === 429 ? "Too many requests. Wait a minute and try again." : "Signing out everywhere failed. Try again.");
    } catch {
      setError("The server could not be reached. Check your connection.");
    }
    setBusy(false);
  }

  return (
    <div className="space-y-2">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="button" variant="danger" onClick={signOutEverywhere} disabled={busy}>
        {busy ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
