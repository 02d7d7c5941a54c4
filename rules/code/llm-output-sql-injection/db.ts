// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import knex from 'knex';
import { generateObject, generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const client = new OpenAI();
const pool = new Pool();
const prisma = new PrismaClient();
const db = knex({ client: 'pg' });

export async function search(question: string) {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Extract the city from: ${question}` }],
  });
  const city = completion.choices[0].message.content ?? '';
  // ruleid: llm-output-sql-injection
  const a = await pool.query(`SELECT * FROM stores WHERE city = '${city}'`);
  // ruleid: llm-output-sql-injection
  const b = await pool.query("SELECT * FROM stores WHERE city = '" + city + "'");
  // ok: llm-output-sql-injection
  const c = await pool.query('SELECT * FROM stores WHERE city = $1', [city]);
  return [a, b, c];
}

export async function textToSql(question: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: `SQL for ${question}` });
  // ruleid: llm-output-sql-injection
  const rows = await prisma.$queryRawUnsafe(text);
  // ok: llm-output-sql-injection
  const safe = await prisma.$queryRaw`SELECT * FROM "Store" WHERE name = ${text}`;
  // ruleid: llm-output-sql-injection
  const raw = await db.raw(`select * from stores where name = '${text}'`);
  // ok: llm-output-sql-injection
  const bound = await db.raw('select * from stores where name = ?', [text]);
  return [rows, safe, raw, bound];
}

export async function filter(question: string) {
  const { object } = await generateObject({ model: openai('gpt-4o'), prompt: question, schema: undefined as never });
  const column = (object as { column: string }).column;
  // ruleid: llm-output-sql-injection
  await pool.query('SELECT ' + column + ' FROM stores');
  const pattern = /x/;
  // ok: llm-output-sql-injection
  pattern.exec(column);
}
