// A Kubernetes MCP server (TypeScript SDK and @kubernetes/client-node): secrets read by tools.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as k8s from '@kubernetes/client-node';
import { z } from 'zod';

const kc = new k8s.KubeConfig();
kc.loadFromDefault();
const core = kc.makeApiClient(k8s.CoreV1Api);
const server = new McpServer({ name: 'k8s', version: '1.0.0' });

server.tool('get_secret', { name: z.string(), namespace: z.string().default('default') }, async ({ name, namespace }) => {
  const secret = await core.readNamespacedSecret({ name, namespace });
  // ruleid: mcp-tool-exposes-secrets
  return { content: [{ type: 'text', text: JSON.stringify(secret.data) }] };
});

server.tool('secret_keys', { name: z.string(), namespace: z.string().default('default') }, async ({ name, namespace }) => {
  const secret = await core.readNamespacedSecret({ name, namespace });
  // ok: mcp-tool-exposes-secrets
  return { content: [{ type: 'text', text: JSON.stringify({ name: secret.metadata?.name, type: secret.type }) }] };
});
