// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { tool } from 'ai';
import axios from 'axios';
import got from 'got';
import { z } from 'zod';

const server = new McpServer({ name: 'web', version: '1.0.0' });
const ALLOWED_HOSTS = new Set(['docs.github.com', 'api.github.com']);

server.tool('fetch_url', 'Fetch a URL', { url: z.string().url() }, async ({ url }) => {
  // ruleid: tool-argument-ssrf
  const res = await fetch(url);
  return { content: [{ type: 'text', text: await res.text() }] };
});

server.registerTool('fetch_allowed', { inputSchema: { url: z.string() } }, async ({ url }) => {
  const { hostname } = new URL(url);
  if (!ALLOWED_HOSTS.has(new URL(url).hostname)) {
    throw new Error(`host not allowed: ${hostname}`);
  }
  // ok: tool-argument-ssrf
  const res = await fetch(url);
  return { content: [{ type: 'text', text: await res.text() }] };
});

export const scrape = tool({
  description: 'Scrape a page',
  parameters: z.object({ page: z.string() }),
  execute: async ({ page }) => {
    // ruleid: tool-argument-ssrf
    const { data } = await axios.get(page);
    // ok: tool-argument-ssrf
    const meta = await axios.get(`https://api.github.com/search?q=${encodeURIComponent(page)}`);
    return data + meta.data;
  },
});

export async function handleToolCall(toolCall) {
  const { endpoint } = JSON.parse(toolCall.function.arguments);
  // ruleid: tool-argument-ssrf
  return got.post(endpoint, { json: { done: true } }).json();
}

export async function status(base: string) {
  // ok: tool-argument-ssrf
  return fetch(`${base}/status`);
}
