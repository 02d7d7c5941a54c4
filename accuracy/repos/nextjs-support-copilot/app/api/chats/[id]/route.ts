import { getSessionUser } from "@/lib/auth";
import { deleteChat, getChatForUser, getMessages } from "@/lib/db/queries";

type Params = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(_req: Request, { params }: Params) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id } = await params;
  if (!UUID.test(id)) return new Response("Bad request", { status: 400 });
  const chat = await getChatForUser(id, user.id);
  if (!chat) return new Response("Not found", { status: 404 });
  return Response.json({ chat, messages: await getMessages(chat.id) });
}

export async function DELETE(_req: Request, { params }: Params) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id } = await params;
  if (!UUID.test(id)) return new Response("Bad request", { status: 400 });
  await deleteChat(id, user.id);
  return new Response(null, { status: 204 });
}
