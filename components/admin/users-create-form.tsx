"use client";
import { useRef, useState, useTransition } from "react";
import { createUserAction } from "@/app/admin/(panel)/users/actions";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS, describedBy } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ROLES, ROLE_LABELS } from "@/lib/permissions";

type Errors = Record<string, string[]>;

const EMAIL_HINT = "Used to sign in; never shown on the public site.";
const PASSWORD_HINT = "At least 12 characters. Pass it on by another channel than the e-mail (in person, by phone, or a password manager's share); the person should change it after signing in.";

/** A random 20-character password from the browser's CSPRNG (no look-alike characters). */
function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  // 256 % 56 leaves a slight bias; irrelevant at 20 characters (~115 bits).
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** Name, e-mail, role and initial password of a new account. */
export function UsersCreateForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [password, setPassword] = useState("");
  const [pending, start] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const payload = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? ""),
      password,
    };
    setMessage(null);
    start(async () => {
      const r = await createUserAction(payload);
      if (r.ok) {
        setErrors({});
        setMessage({
          tone: "success",
          text: `Account created for ${payload.email}. Give them the password securely and ask them to change it on their Account page after signing in.`,
        });
        formRef.current?.reset();
        setPassword("");
        setShowPassword(false);
      } else {
        setErrors(r.fieldErrors ?? {});
        setMessage({ tone: "error", text: r.message });
      }
    });
  }

  const err = (name: string) => errors[name];
  return (
    <form ref={formRef} onSubmit={onSubmit} className="max-w-md space-y-3" noValidate>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <Field id="new-name" label="Name" errors={err("name")} required>
        <input id="new-name" name="name" autoComplete="off" maxLength={120} className={INPUT_CLASS} {...describedBy("new-name", undefined, err("name"))} />
      </Field>
      <Field id="new-email" label="E-mail" hint={EMAIL_HINT} errors={err("email")} required>
        <input id="new-email" name="email" type="email" autoComplete="off" className={INPUT_CLASS} {...describedBy("new-email", EMAIL_HINT, err("email"))} />
      </Field>
      <Field id="new-role" label="Role" errors={err("role")} required>
        <select id="new-role" name="role" defaultValue="EDITOR" className={INPUT_CLASS} {...describedBy("new-role", undefined, err("role"))}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="new-password" label="Initial password" hint={PASSWORD_HINT} errors={err("password")} required>
        <div className="flex flex-wrap gap-2">
          <input
            id="new-password"
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={`${INPUT_CLASS} min-w-0 flex-1 basis-56 font-mono`}
            {...describedBy("new-password", PASSWORD_HINT, err("password"))}
          />
          <Button type="button" onClick={() => setShowPassword((s) => !s)} aria-pressed={showPassword} aria-label="Show password">
            Show
          </Button>
          <Button
            type="button"
            aria-label="Generate a password"
            onClick={() => {
              setPassword(generatePassword());
              setShowPassword(true);
            }}
          >
            Generate
          </Button>
        </div>
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
