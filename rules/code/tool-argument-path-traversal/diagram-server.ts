// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A diagram-editing MCP server: assertion helpers that throw unless a check holds, called as statements.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { isWithinRoot } from './containment.js';

const server = new Server({ name: 'diagrams', version: '1.0.0' }, { capabilities: { tools: {} } });
const WORKSPACE = '/srv/diagrams';

function fail(message) {
  throw new Error(message);
}

/** Only diagram files: no credential file, shell profile or binary has these extensions. */
function assertDiagramFile(filePath) {
  const lower = String(filePath).toLowerCase();
  if (!lower.endsWith('.drawio') && !lower.endsWith('.xml')) {
    throw new Error(`Only .drawio and .xml files are supported: ${filePath}`);
  }
}

/** Throws unless the candidate stays inside the root. */
function assertInside(root, candidate) {
  if (!isWithinRoot(root, candidate)) fail('Path must stay within the workspace');
}

/** Throws only for an empty path: confines nothing. */
function assertPresent(filePath) {
  if (!filePath) throw new Error('path is required');
}

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = request.params.arguments;
  const filePath = args.path;
  if (request.params.name === 'list_pages') {
    assertDiagramFile(filePath);
    if (!existsSync(filePath)) return { isError: true, content: [{ type: 'text', text: 'not found' }] };
    // ok: tool-argument-path-traversal
    return { content: [{ type: 'text', text: readFileSync(filePath, 'utf8').slice(0, 2000) }] };
  }
  if (request.params.name === 'save_copy') {
    const target = path.resolve(WORKSPACE, args.target);
    assertInside(WORKSPACE, target);
    // ok: tool-argument-path-traversal
    writeFileSync(target, args.xml, 'utf8');
    return { content: [{ type: 'text', text: 'saved' }] };
  }
  if (request.params.name === 'delete_file') {
    const victim = args.victim;
    assertPresent(victim);
    // ruleid: tool-argument-path-traversal
    unlinkSync(victim);
    return { content: [{ type: 'text', text: 'deleted' }] };
  }
  if (request.params.name === 'export') {
    const out = args.output;
    if (out && out.endsWith('.svg')) {
      // only an .svg file can be written here
      // ok: tool-argument-path-traversal
      writeFileSync(out, args.svg, 'utf8');
    } else if (out) {
      // the other branch: any path at all
      // ruleid: tool-argument-path-traversal
      writeFileSync(out, args.xml, 'utf8');
    }
    return { content: [{ type: 'text', text: 'exported' }] };
  }
  if (request.params.name === 'append_note') {
    const notes = args.notes;
    if (!notes.endsWith('.md') && !notes.endsWith('.txt')) {
      return { isError: true, content: [{ type: 'text', text: 'notes must be .md or .txt' }] };
    }
    // ok: tool-argument-path-traversal
    writeFileSync(notes, args.text, { flag: 'a' });
    return { content: [{ type: 'text', text: 'noted' }] };
  }
  throw new Error('unknown tool');
});
