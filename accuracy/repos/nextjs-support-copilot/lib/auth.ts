import { cookies } from "next/headers";
import { getUserBySession } from "./db/queries";

export type SessionUser = { id: string; name: string; email: string };

const SESSION_ID = /^[A-Za-z0-9_-]{32,64}$/;

export async function getSessionUser(): Promise<SessionUser | null> {
  const store = await cookies();
  const sid = store.get("sid")?.value;
  if (!sid || !SESSION_ID.test(sid)) return null;
  return getUserBySession(sid);
}
