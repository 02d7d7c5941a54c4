// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A transfer server: a destination confined in one helper, then carried in an object with a display label that
// mixes in the configured root (another parameter, which nothing checks and nothing needs to).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isWithinRoot } from './containment.js';

const server = new McpServer({ name: 'transfer', version: '1.0.0' });
const settings = { transferRoot: '/srv/transfer' };

function confinedCandidate(root, input) {
  const candidate = path.resolve(root, input);
  if (isWithinRoot(root, candidate)) return candidate;
  throw new Error('Destination must stay within the transfer root');
}

function looseCandidate(root, input) {
  return path.resolve(root, input);
}

async function destinationFor(config, input) {
  const root = config.transferRoot;
  const destination = confinedCandidate(root, input);
  return { destination, label: path.relative(root, destination) || '.' };
}

async function looseDestinationFor(config, input) {
  const root = config.transferRoot;
  const destination = looseCandidate(root, input);
  return { destination, label: path.relative(root, destination) || '.' };
}

server.tool('save_download', { path: z.string(), data: z.string() }, async ({ path: requested, data }) => {
  const target = await destinationFor(settings, requested);
  // ok: tool-argument-path-traversal
  await fs.writeFile(target.destination, data);
  return { content: [{ type: 'text', text: `saved to ${target.label}` }] };
});

server.tool('save_download_unchecked', { path: z.string(), data: z.string() }, async ({ path: requested, data }) => {
  const target = await looseDestinationFor(settings, requested);
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(target.destination, data);
  return { content: [{ type: 'text', text: `saved to ${target.label}` }] };
});
