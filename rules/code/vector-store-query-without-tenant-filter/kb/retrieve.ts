import { Pool } from 'pg';

const pool = new Pool();

export async function nearestChunks(tenantId: string, vector: string): Promise<string[]> {
  // ruleid: vector-store-query-without-tenant-filter
  const { rows } = await pool.query('SELECT chunk FROM documents ORDER BY embedding <=> $1 LIMIT 5', [vector]);
  return rows.map((r) => r.chunk as string);
}

export async function nearestOwnChunks(tenantId: string, vector: string): Promise<string[]> {
  // ok: vector-store-query-without-tenant-filter
  const { rows } = await pool.query('SELECT chunk FROM documents WHERE tenant_id = $2 ORDER BY embedding <=> $1 LIMIT 5', [vector, tenantId]);
  return rows.map((r) => r.chunk as string);
}

export async function nearestPublicChunks(vector: string): Promise<string[]> {
  // ok: vector-store-query-without-tenant-filter (single-tenant helper: no identity in scope)
  const { rows } = await pool.query('SELECT chunk FROM public_docs ORDER BY embedding <=> $1 LIMIT 5', [vector]);
  return rows.map((r) => r.chunk as string);
}
