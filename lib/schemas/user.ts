import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { text } from "./common";

export const RoleSchema = z.enum(ROLES);

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Use a valid e-mail address."));

/** At least 12 characters; long passphrases welcome. */
export const Password = z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters.");

/** A new account, created by an admin or the user:create command. */
export const NewUserInput = z.strictObject({
  email: Email,
  name: text(120),
  role: RoleSchema,
  password: Password,
});
export type NewUserInput = z.infer<typeof NewUserInput>;

/** An admin's change to an account. */
export const UserUpdateInput = z.strictObject({
  id: z.string().min(1).max(100),
  role: RoleSchema,
  disabled: z.boolean(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;
