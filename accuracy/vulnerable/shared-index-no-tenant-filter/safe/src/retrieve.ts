import OpenAI from "openai";
import { Pool } from "pg";

const pool = new Pool();
const openai = new OpenAI();

export async function retrieve(tenantId: string, question: string): Promise<string[]> {
  const emb = await openai.embeddings.create({ model: "text-embedding-3-small", input: question });
  const vector = JSON.stringify(emb.data[0].embedding);
  const { rows } = await pool.query("SELECT chunk FROM documents WHERE tenant_id = $2 ORDER BY embedding <=> $1 LIMIT 5", [vector, tenantId]);
  return rows.map((r) => r.chunk as string);
}
