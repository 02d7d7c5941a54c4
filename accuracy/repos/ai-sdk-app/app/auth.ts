export async function auth(req: Request): Promise<{ user: string } | null> {
  const cookie = req.headers.get("cookie") ?? "";
  const m = /session=([a-f0-9]{32})/.exec(cookie);
  return m ? { user: m[1] } : null;
}
