// @ts-nocheck (fixture: analysed by AISec, not compiled)
// API clients of MCP servers: a configured base URL in a field, a fixed origin with a query appended, a fixed
// discovery path on a site's origin, a paid retry of the same request. Beside each, a model-chosen base.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'clients', version: '1.0.0' });

class ApiClient {
  baseUrl;
  headers;
  constructor(config) {
    this.baseUrl = config.baseUrl || 'https://api.example.com/v2';
    this.headers = { Authorization: `Bearer ${config.apiKey}` };
  }
  async getRepository(remote, repository, branch) {
    const encodedId = encodeURIComponent(`${remote}:${branch}:${repository}`);
    const url = `${this.baseUrl}/repositories/${encodedId}`;
    return this.makeRequest('GET', url);
  }
  async getFrom(endpoint, id) {
    // ruleid: tool-argument-ssrf
    const response = await fetch(`${endpoint}/items/${encodeURIComponent(id)}`, { headers: this.headers });
    return response.json();
  }
  async makeRequest(method, url) {
    // ok: tool-argument-ssrf
    const response = await fetch(url, { method, headers: this.headers });
    return response.json();
  }
}

const client = new ApiClient({ baseUrl: process.env.API_BASE_URL, apiKey: process.env.API_KEY });

server.tool('get_repository', { remote: z.string(), repository: z.string(), branch: z.string() }, async ({ remote, repository, branch }) => {
  return { content: [{ type: 'text', text: JSON.stringify(await client.getRepository(remote, repository, branch)) }] };
});

server.tool('get_item', { endpoint: z.string(), id: z.string() }, async ({ endpoint, id }) => {
  return { content: [{ type: 'text', text: JSON.stringify(await client.getFrom(endpoint, id)) }] };
});

async function getDeploymentEvents(token, deploymentId, options) {
  let url = `https://api.vercel.example/v3/deployments/${deploymentId}/events`;
  const params = new URLSearchParams();
  if (options?.limit) params.append('limit', options.limit.toString());
  url = `${url}?${params.toString()}`;
  // ok: tool-argument-ssrf
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  return response.json();
}

async function getEvents(target, options) {
  let url = target;
  const params = new URLSearchParams(options);
  url = `${url}?${params.toString()}`;
  // ruleid: tool-argument-ssrf
  const response = await fetch(url);
  return response.json();
}

server.tool('deployment_events', { deploymentId: z.string(), limit: z.number().optional(), target: z.string() }, async ({ deploymentId, target, ...options }) => {
  const events = await getDeploymentEvents(process.env.VERCEL_TOKEN, deploymentId, options);
  const other = await getEvents(target, options);
  return { content: [{ type: 'text', text: JSON.stringify([events, other]) }] };
});

async function discover(originUrl, resource) {
  const url = new URL(originUrl);
  const origin = url.origin;
  const wellKnownUrl = `${origin}/.well-known/x402`;
  // ok: tool-argument-ssrf
  const known = await fetch(wellKnownUrl, { headers: { Accept: 'application/json' } });
  // ruleid: tool-argument-ssrf
  const chosen = await fetch(`${origin}/${resource}`);
  return [await known.text(), await chosen.text()];
}

async function paidFetch(url, options = {}) {
  // ruleid: tool-argument-ssrf
  const response = await fetch(url, options);
  if (response.status !== 402) return response;
  // the paid retry of the same URL: the request above is the finding
  // ok: tool-argument-ssrf
  return fetch(url, { ...options, headers: { ...options.headers, 'X-Payment': 'signed' } });
}

server.tool('x402_discover', { url: z.string(), resource: z.string() }, async ({ url, resource }) => {
  const found = await discover(url, resource);
  const paid = await paidFetch(url);
  return { content: [{ type: 'text', text: JSON.stringify([found, await paid.text()]) }] };
});
