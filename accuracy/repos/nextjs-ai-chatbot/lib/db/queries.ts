import 'server-only';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { chat, document, message } from './schema';

const client = postgres(process.env.POSTGRES_URL!);
const db = drizzle(client);

export async function getChatById({ id }: { id: string }) {
  const [selected] = await db.select().from(chat).where(eq(chat.id, id));
  return selected;
}

export async function getMessagesByChatId({ id }: { id: string }) {
  return db.select().from(message).where(eq(message.chatId, id)).orderBy(asc(message.createdAt));
}

export async function saveMessages({ messages }: { messages: Array<typeof message.$inferInsert> }) {
  return db.insert(message).values(messages);
}

export async function saveDocument(doc: { id: string; title: string; content: string; userId: string }) {
  return db.insert(document).values({ ...doc, createdAt: new Date() });
}

export async function searchChats({ userId, term }: { userId: string; term: string }) {
  // full-text search over chat titles
  return db.execute(sql`select id, title from "Chat" where "userId" = ${userId} and title ilike ${'%' + term + '%'}`);
}

export async function getMessageCountByUserId({ id, differenceInHours }: { id: string; differenceInHours: number }) {
  const since = new Date(Date.now() - differenceInHours * 60 * 60 * 1000);
  const [stats] = await db
    .select({ count: sql<number>`count(${message.id})` })
    .from(message)
    .innerJoin(chat, eq(message.chatId, chat.id))
    .where(and(eq(chat.userId, id), gt(message.createdAt, since), eq(message.role, 'user')))
    .orderBy(desc(message.createdAt));
  return stats?.count ?? 0;
}
