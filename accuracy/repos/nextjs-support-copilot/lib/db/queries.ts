import { and, asc, desc, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { UIMessage } from "ai";
import { db } from "./index";
import { chats, helpArticles, messages, orders, productReviews, returnRequests, sessions, users } from "./schema";

export async function getUserBySession(sessionId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

export async function listOrdersForUser(userId: string, limit = 10) {
  return db
    .select({ id: orders.id, status: orders.status, totalCents: orders.totalCents, createdAt: orders.createdAt })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

export async function getOrderById(orderId: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  return row ?? null;
}

export async function createReturnRequest(userId: string, orderId: string, reason: string) {
  const [order] = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
    .limit(1);
  if (!order) return { ok: false as const, error: "Order not found" };
  if (order.status !== "delivered") return { ok: false as const, error: `Order is ${order.status}; only delivered orders can be returned` };
  const [created] = await db.insert(returnRequests).values({ userId, orderId, reason }).returning({ id: returnRequests.id });
  return { ok: true as const, id: created.id };
}

export async function searchHelpArticles(query: string, limit = 5) {
  const pattern = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ slug: helpArticles.slug, title: helpArticles.title, body: helpArticles.body })
    .from(helpArticles)
    .where(or(ilike(helpArticles.title, pattern), ilike(helpArticles.body, pattern)))
    .orderBy(sql`length(${helpArticles.body}) asc`)
    .limit(limit);
}

export async function listReviews(sku: string, limit = 10) {
  return db
    .select({ rating: productReviews.rating, body: productReviews.body, createdAt: productReviews.createdAt })
    .from(productReviews)
    .where(eq(productReviews.sku, sku))
    .orderBy(desc(productReviews.createdAt))
    .limit(limit);
}

export async function getChatForUser(chatId: string, userId: string) {
  const [chat] = await db.select().from(chats).where(and(eq(chats.id, chatId), eq(chats.userId, userId))).limit(1);
  return chat ?? null;
}

export async function createChat(userId: string, title: string) {
  const [chat] = await db.insert(chats).values({ userId, title: title.slice(0, 120) }).returning();
  return chat;
}

export async function getMessages(chatId: string) {
  return db.select().from(messages).where(eq(messages.chatId, chatId)).orderBy(asc(messages.createdAt));
}

export async function saveMessages(chatId: string, msgs: UIMessage[]) {
  if (msgs.length === 0) return;
  await db
    .insert(messages)
    .values(msgs.map((m) => ({ id: m.id, chatId, role: m.role, parts: m.parts })))
    .onConflictDoNothing();
}

export async function deleteChat(chatId: string, userId: string) {
  await db.delete(chats).where(and(eq(chats.id, chatId), eq(chats.userId, userId)));
}
