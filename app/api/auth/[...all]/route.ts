import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";

// /api/auth/* – sign in, sign out, sessions and password change (better-auth).
export const { GET, POST } = toNextJsHandler((request: Request) => auth().handler(request));
