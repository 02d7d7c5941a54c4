import express from 'express';
import yaml from 'js-yaml';
import serialize from 'node-serialize';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = express();
app.use(express.text());
const server = new McpServer({ name: 'prefs', version: '1.0.0' });

app.post('/prefs', (req, res) => {
  // ruleid: llm-output-unsafe-deserialization
  const prefs = serialize.unserialize(req.body);
  // ok: llm-output-unsafe-deserialization
  const plain = JSON.parse(req.body);
  res.json({ prefs, plain });
});

server.tool('load_profile', { profile: z.string() }, async ({ profile }) => {
  // ruleid: llm-output-unsafe-deserialization
  const data = yaml.load(profile, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // ok: llm-output-unsafe-deserialization
  const safe = yaml.load(profile);
  return { content: [{ type: 'text', text: JSON.stringify({ data, safe }) }] };
});

export async function planFromModel(goal: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: `YAML plan for ${goal}` });
  // ruleid: llm-output-unsafe-deserialization
  const docs = yaml.loadAll(text, null, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // ok: llm-output-unsafe-deserialization
  const steps = yaml.loadAll(text, null, { schema: yaml.JSON_SCHEMA });
  return { docs, steps };
}
