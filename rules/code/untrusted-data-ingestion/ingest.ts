// @ts-nocheck (fixture: analysed by AISec, not compiled)
import express from 'express';
import OpenAI from 'openai';
import { Document } from '@langchain/core/documents';
import { CheerioWebBaseLoader } from '@langchain/community/document_loaders/web/cheerio';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
import { Pinecone } from '@pinecone-database/pinecone';
import { tool } from 'ai';
import { z } from 'zod';

const app = express();
const openai = new OpenAI();
const vectorStore = new MemoryVectorStore(new OpenAIEmbeddings());
const pineconeIndex = new Pinecone().index('support-kb');
const ALLOWED_SOURCES = new Set(['https://docs.example.com/faq']);

app.post('/kb', async (req, res) => {
  const doc = new Document({ pageContent: req.body.text, metadata: { author: req.body.author } });
  // ruleid: untrusted-data-ingestion
  await vectorStore.addDocuments([doc]);
  res.json({ ok: true });
});

app.post('/kb/import', async (req, res) => {
  const loader = new CheerioWebBaseLoader(req.body.url);
  const docs = await loader.load();
  // ruleid: untrusted-data-ingestion
  await vectorStore.addDocuments(docs);
  res.json({ count: docs.length });
});

app.post('/kb/import-trusted', async (req, res) => {
  const url = req.body.url;
  if (!ALLOWED_SOURCES.has(url)) return res.status(400).end();
  const docs = await new CheerioWebBaseLoader(url).load();
  // ok: untrusted-data-ingestion
  await vectorStore.addDocuments(docs);
  res.json({ count: docs.length });
});

app.post('/kb/moderated', async (req, res) => {
  const text = req.body.text;
  const verdict = await openai.moderations.create({ model: 'omni-moderation-latest', input: text });
  if (verdict.results[0].flagged) return res.status(422).end();
  // ok: untrusted-data-ingestion
  await vectorStore.addDocuments([new Document({ pageContent: text })]);
  res.json({ ok: true });
});

app.post('/vectors', async (req, res) => {
  const { id, text } = req.body;
  const emb = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  // ruleid: untrusted-data-ingestion
  await pineconeIndex.upsert([{ id, values: emb.data[0].embedding, metadata: { text } }]);
  res.json({ ok: true });
});

export const rememberTool = tool({
  description: 'Remember a fact about the user',
  parameters: z.object({ fact: z.string() }),
  execute: async ({ fact }) => {
    // ruleid: untrusted-data-ingestion
    await vectorStore.addDocuments([new Document({ pageContent: fact })]);
    return 'saved';
  },
});

app.post('/fine-tune', async (req, res) => {
  // ruleid: untrusted-data-ingestion
  const file = await openai.files.create({ file: req.body.jsonl, purpose: 'fine-tune' });
  // ok: untrusted-data-ingestion
  const batch = await openai.files.create({ file: req.body.jsonl, purpose: 'batch' });
  res.json({ file: file.id, batch: batch.id });
});
