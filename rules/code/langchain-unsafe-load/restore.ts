// @ts-nocheck (fixture: analysed by AISec, not compiled)
import express from 'express';
import { load } from '@langchain/core/load';
import { load as legacyLoad } from 'langchain/load';

const app = express();
app.use(express.json());

const SERIALIZED_PROMPT = JSON.stringify({ lc: 1, type: 'constructor', id: ['langchain_core', 'prompts', 'prompt', 'PromptTemplate'], kwargs: { template: 'Hi {name}', input_variables: ['name'] } });
// ok: langchain-unsafe-load
const prompt = await load(SERIALIZED_PROMPT);

app.post('/restore', async (req, res) => {
  // ruleid: langchain-unsafe-load
  const messages = await load(req.body.history);
  res.json({ count: messages.length });
});

app.post('/restore/legacy', async (req, res) => {
  const text = JSON.stringify(req.body);
  // ruleid: langchain-unsafe-load
  const chain = await legacyLoad(text, { OPENAI_API_KEY: process.env.OPENAI_API_KEY });
  res.json({ ok: !!chain });
});

app.post('/restore/plain', async (req, res) => {
  // ok: langchain-unsafe-load
  const messages = JSON.parse(req.body.history);
  res.json({ count: messages.length });
});

export async function restoreAgent(stored: string) {
  // ruleid: langchain-unsafe-load
  return load(stored, { secretsFromEnv: true, maxDepth: 50 });
}
