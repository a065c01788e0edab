"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

/** Ends this session (better-auth) and returns to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  return (
    <Button
      type="button"
      onClick={async () => {
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
        router.replace("/admin/login");
        router.refresh();
      }}
    >
      Sign out
    </Button>
  );
}
