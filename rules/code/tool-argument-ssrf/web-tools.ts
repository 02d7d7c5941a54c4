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

/** Resolves the host and rejects private, loopback and link-local addresses. */
async function isSafeUrl(input: string): Promise<{ ok: boolean; reason?: string }> {
  const u = new URL(input);
  if (!/^https?:$/.test(u.protocol)) return { ok: false, reason: 'scheme' };
  const addresses = await lookupAll(u.hostname);
  return addresses.some(isPrivateAddress) ? { ok: false, reason: 'private address' } : { ok: true };
}

/** Follows redirects by hand and checks every hop. */
async function safeFollowFetch(inputUrl: string) {
  let current = inputUrl;
  for (let i = 0; i <= 5; i++) {
    const safe = await isSafeUrl(current);
    if (!safe.ok) throw new Error(`Blocked URL: ${safe.reason}`);
    // ok: tool-argument-ssrf
    const resp = await fetch(current, { redirect: 'manual' });
    if (resp.status >= 300 && resp.status < 400) {
      current = new URL(resp.headers.get('location') ?? '', current).toString();
      continue;
    }
    return resp;
  }
  throw new Error('too many redirects');
}

server.tool('fetch_checked', 'Fetch a public page', { url: z.string() }, async ({ url }) => {
  const resp = await safeFollowFetch(url);
  return { content: [{ type: 'text', text: await resp.text() }] };
});

server.tool('fetch_verdict_ignored', 'Fetch a page', { url: z.string() }, async ({ url }) => {
  const verdict = await isSafeUrl(url);
  console.log('url check', verdict.reason);
  // ruleid: tool-argument-ssrf
  const resp = await fetch(url);
  return { content: [{ type: 'text', text: await resp.text() }] };
});

// A scheme check is not a host check: http://169.254.169.254/ passes it.
export const fetchDocsPage = tool({
  description: 'Fetch a documentation page.',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Only http(s) URLs can be fetched.';
    // ruleid: tool-argument-ssrf
    const res = await fetch(parsed, { signal: AbortSignal.timeout(15_000) });
    return res.text();
  },
});

// the scheme and the host checked: only the documentation hosts are reachable
export const fetchAllowedDocsPage = tool({
  description: 'Fetch a documentation page.',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || !DOC_HOSTS.has(parsed.hostname)) return 'Not an allowed documentation host.';
    // ok: tool-argument-ssrf
    const res = await fetch(parsed);
    return res.text();
  },
});
const DOC_HOSTS = new Set(['developer.mozilla.org', 'nodejs.org']);

// The server's own base URL from its configuration fixes the origin: model values only fill the path and query.
const GITLAB_API_URL = process.env.GITLAB_API_URL || 'https://gitlab.com/api/v4';
export const forkProject = tool({
  description: 'Fork a GitLab project.',
  inputSchema: z.object({ projectId: z.string(), namespace: z.string().optional() }),
  execute: async ({ projectId, namespace }) => {
    const url = `${GITLAB_API_URL}/projects/${encodeURIComponent(projectId)}/fork`;
    const query = namespace ? `?namespace=${encodeURIComponent(namespace)}` : '';
    // ok: tool-argument-ssrf
    const res = await fetch(url + query, { method: 'POST' });
    return res.json();
  },
});

// the scheme comes from configuration but the host from the model: nothing is fixed
const SCHEME = process.env.GITLAB_SCHEME || 'https:';
export const projectOnHost = tool({
  description: 'Read a project from a GitLab host.',
  inputSchema: z.object({ host: z.string(), projectId: z.string() }),
  execute: async ({ host, projectId }) => {
    // ruleid: tool-argument-ssrf
    const res = await fetch(`${SCHEME}//${host}/api/v4/projects/${encodeURIComponent(projectId)}`);
    return res.json();
  },
});

// a query appended with += to a URL whose origin is fixed
export const listObjects = tool({
  description: 'List the objects of a namespace.',
  inputSchema: z.object({ namespaceId: z.string(), limit: z.number().optional() }),
  execute: async ({ namespaceId, limit }) => {
    let url = `https://api.cloudflare.com/client/v4/namespaces/${namespaceId}/objects`;
    if (limit) url += `?limit=${limit}`;
    // ok: tool-argument-ssrf
    const res = await fetch(url);
    return res.json();
  },
});

// appended to a model-chosen base: nothing is fixed
export const listObjectsOn = tool({
  description: 'List the objects of a namespace on an API host.',
  inputSchema: z.object({ base: z.string(), cursor: z.string().optional() }),
  execute: async ({ base, cursor }) => {
    let url = base;
    if (cursor) url += `?cursor=${cursor}`;
    // ruleid: tool-argument-ssrf
    const res = await fetch(url);
    return res.json();
  },
});

// a query appended to a fixed-origin URL in a branch (`url += ...`): the origin stays the API's
async function listObjects(namespaceId, limit) {
  let url = `https://api.cloudflare.com/client/v4/namespaces/${namespaceId}/objects`;
  if (limit) {
    url += `?limit=${limit}`;
  }
  // ok: tool-argument-ssrf
  const response = await fetch(url);
  return response.json();
}
export const listObjectsTool = tool({
  description: 'List the objects of a namespace.',
  inputSchema: z.object({ namespaceId: z.string(), limit: z.string().optional() }),
  execute: async ({ namespaceId, limit }) => listObjects(namespaceId, limit),
});

// the model's host, with a path appended with `+=`
export const fetchHostTool = tool({
  description: 'Fetch the status page of a host.',
  inputSchema: z.object({ host: z.string() }),
  execute: async ({ host }) => {
    let url = `https://${host}`;
    url += '/status';
    // ruleid: tool-argument-ssrf
    return (await fetch(url)).text();
  },
});
