// @ts-nocheck (fixture: analysed by AISec, not compiled)
import express from 'express';
import { ChromaClient } from 'chromadb';
import { QdrantClient } from '@qdrant/js-client-rest';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
import { tool } from '@langchain/core/tools';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Pool } from 'pg';
import { z } from 'zod';

const app = express();
const embeddings = new OpenAIEmbeddings();
const store = new MemoryVectorStore(embeddings);
const chroma = new ChromaClient({ path: 'http://chroma:8000' });
const qdrant = new QdrantClient({ url: 'http://qdrant:6333' });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const server = new McpServer({ name: 'support', version: '1.0.0' });

app.get('/faq', async (req, res) => {
  const faq = await chroma.getOrCreateCollection({ name: 'faq' });
  // ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
  const hits = await faq.query({ queryTexts: [String(req.query.q)], nResults: 3 });
  res.json(hits.documents);
});

app.get('/faq/mine', async (req, res) => {
  const faq = await chroma.getOrCreateCollection({ name: 'faq' });
  // ok: vector-store-query-without-tenant-filter
  const hits = await faq.query({ queryTexts: [String(req.query.q)], nResults: 3, where: { tenantId: req.user.tenantId } });
  res.json(hits.documents);
});

app.get('/notes', async (req, res) => {
  const notes = await chroma.getCollection({ name: `notes_${req.user.tenantId}` });
  // ok: vector-store-query-without-tenant-filter
  const hits = await notes.query({ queryTexts: [String(req.query.q)], nResults: 3 });
  res.json(hits.documents);
});

app.post('/contracts/search', async (req, res) => {
  const vector = await embeddings.embedQuery(req.body.q);
  // ruleid: vector-store-query-without-tenant-filter
  const all = await qdrant.search('contracts', { vector, limit: 5 });
  // ok: vector-store-query-without-tenant-filter
  const mine = await qdrant.search('contracts', { vector, limit: 5, filter: { must: [{ key: 'tenant_id', match: { value: req.user.tenantId } }] } });
  res.json({ all, mine });
});

app.post('/pg/search', async (req, res) => {
  const vector = JSON.stringify(await embeddings.embedQuery(req.body.q));
  // ruleid: vector-store-query-without-tenant-filter
  const all = await pool.query(`SELECT id, body FROM chunks ORDER BY embedding <-> $1 LIMIT 5`, [vector]);
  // ok: vector-store-query-without-tenant-filter
  const mine = await pool.query(`SELECT id, body FROM chunks WHERE account_id = $2 ORDER BY embedding <-> $1 LIMIT 5`, [vector, req.user.accountId]);
  res.json([...all.rows, ...mine.rows]);
});

export const searchDocs = tool(
  async ({ query }) => {
    // ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
    const docs = await store.similaritySearchWithScore(query, 3);
    return docs.map(([d]) => d.pageContent).join('\n');
  },
  { name: 'search_docs', description: 'Search the support docs', schema: z.object({ query: z.string() }) },
);

server.tool('search_tickets', { query: z.string(), userId: z.string() }, async ({ query, userId }) => {
  // ok: vector-store-query-without-tenant-filter
  const docs = await store.similaritySearch(query, 3, (doc) => doc.metadata.userId === userId);
  // ruleid: vector-store-query-without-tenant-filter
  const loose = await store.maxMarginalRelevanceSearch(query, { k: 3, fetchK: 10 });
  return { content: [{ type: 'text', text: [...docs, ...loose].map((d) => d.pageContent).join('\n') }] };
});

async function reindexSample() {
  // ok: vector-store-query-without-tenant-filter
  const sample = await store.similaritySearch('refund policy', 2);
  console.log(sample);
}

reindexSample();
app.listen(3000);
