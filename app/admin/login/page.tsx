import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { currentActor } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentActor()) redirect("/admin");
  return (
    <div className="mx-auto max-w-sm space-y-4 py-8">
      <h1 className="text-2xl font-semibold">Sign in to the admin</h1>
      <p className="text-sm text-muted">For the tracker&rsquo;s editors and reviewers. Accounts are created by an admin.</p>
      <LoginForm />
    </div>
  );
}
