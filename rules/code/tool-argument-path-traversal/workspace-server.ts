// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Shapes of real MCP servers: a path validator whose result is the path used, helpers called with it,
// fixed file names under a model-chosen folder, directory listings, enum-typed arguments.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const server = new McpServer({ name: 'workspace', version: '1.0.0' });
let allowed: string[] = [];
const EXTENSIONS = { python: 'py', javascript: 'js' };

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** realpath, then containment in one of the allowed directories: the result is the path to use. */
async function validatePath(requested: string): Promise<string> {
  const absolute = path.resolve(requested);
  const real = await fs.realpath(absolute);
  if (!allowed.some((dir) => isInside(real, dir))) {
    throw new Error(`Access denied: ${requested}`);
  }
  return real;
}

/** Named like a validator, but only checks that the path is not empty. */
async function validateNonEmpty(requested: string): Promise<string> {
  if (!requested.trim()) throw new Error('empty path');
  return path.resolve(requested);
}

function isAllowedPath(p: string): boolean {
  return allowed.some((dir) => isInside(path.resolve(p), dir));
}

async function readTextFile(p: string): Promise<string> {
  // ok: tool-argument-path-traversal
  return fs.readFile(p, 'utf-8');
}

server.registerTool('read_text_file', { inputSchema: { path: z.string() } }, async ({ path: requested }) => {
  const valid = await validatePath(requested);
  return { content: [{ type: 'text', text: await readTextFile(valid) }] };
});

server.registerTool('write_file', { inputSchema: { path: z.string(), content: z.string() } }, async ({ path: requested, content }) => {
  const valid = await validatePath(requested);
  // ok: tool-argument-path-traversal
  await fs.writeFile(valid, content, 'utf-8');
  return { content: [{ type: 'text', text: 'written' }] };
});

server.registerTool('write_checked_loosely', { inputSchema: { path: z.string(), content: z.string() } }, async ({ path: requested, content }) => {
  const resolved = await validateNonEmpty(requested);
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(resolved, content, 'utf-8');
  return { content: [{ type: 'text', text: 'written' }] };
});

server.registerTool('append_note', { inputSchema: { path: z.string(), line: z.string() } }, async ({ path: target, line }) => {
  // the check's result is ignored: nothing stops the write
  isAllowedPath(target);
  // ruleid: tool-argument-path-traversal
  await fs.appendFile(target, line);
  return { content: [{ type: 'text', text: 'ok' }] };
});

server.registerTool('save_export', { inputSchema: { file: z.string(), data: z.string() } }, async ({ file, data }) => {
  // creating the folder is the same flow as the write below: reported once, at the write
  // ok: tool-argument-path-traversal
  await fs.mkdir(path.dirname(file), { recursive: true });
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(file, data);
  return { content: [{ type: 'text', text: 'saved' }] };
});

server.registerTool('make_folder', { inputSchema: { folder: z.string() } }, async ({ folder }) => {
  // ruleid: tool-argument-path-traversal
  await fs.mkdir(folder, { recursive: true });
  return { content: [{ type: 'text', text: 'created' }] };
});

/** Reads only <root>/app.json: the model picks the folder, not the file. */
async function readAppJson(root: string) {
  const manifest = path.join(root, 'app.json');
  // ok: tool-argument-path-traversal
  return JSON.parse(await fs.readFile(manifest, 'utf-8'));
}

/** Every file of a folder, by name from the listing (the listing of the model's folder is the finding, not each file). */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  // ruleid: tool-argument-path-traversal
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

server.registerTool('deploy', { inputSchema: { rootUri: z.string() } }, async ({ rootUri }) => {
  const manifest = await readAppJson(rootUri);
  const files = await listFiles(rootUri);
  const blobs = [];
  for (const file of files) {
    // ok: tool-argument-path-traversal
    blobs.push(await fs.readFile(file));
  }
  return { content: [{ type: 'text', text: `${manifest.name}: ${blobs.length} files` }] };
});

server.registerTool('reset_config', { inputSchema: { rootUri: z.string() } }, async ({ rootUri }) => {
  // a fixed name, but written in a folder the model chooses: still reported for writes and deletes
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(path.join(rootUri, 'app.json'), '{}');
  return { content: [{ type: 'text', text: 'reset' }] };
});

server.registerTool('read_in_workspace', { inputSchema: { rootUri: z.string(), name: z.string() } }, async ({ rootUri, name }) => {
  // ruleid: tool-argument-path-traversal
  const text = await fs.readFile(path.join(rootUri, name), 'utf-8');
  return { content: [{ type: 'text', text }] };
});

server.tool('run_snippet', 'Run a code snippet', {
  code: z.string(),
  languageId: z.enum(['python', 'javascript']).describe('Language'),
}, async ({ code, languageId }) => {
  const ext = EXTENSIONS[languageId] ?? languageId;
  // ok: tool-argument-path-traversal
  await fs.writeFile(path.join(os.tmpdir(), `snippet.${ext}`), code);
  return { content: [{ type: 'text', text: 'ok' }] };
});

server.tool('run_snippet_any', 'Run a code snippet', {
  code: z.string(),
  languageId: z.string().describe('Language'),
}, async ({ code, languageId }) => {
  const ext = EXTENSIONS[languageId] ?? languageId;
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(path.join(os.tmpdir(), `snippet.${ext}`), code);
  return { content: [{ type: 'text', text: 'ok' }] };
});

const roots = process.argv.slice(2).map((d) => path.resolve(d));

server.registerTool('read_prefix_checked', { inputSchema: { file: z.string() } }, async ({ file }) => {
  const absolute = path.resolve(file);
  // a bare prefix: "/srv/data-secrets/key" starts with "/srv/data" (CVE-2025-53110)
  if (!roots.some((dir) => absolute.startsWith(dir))) throw new Error('denied');
  // ruleid: tool-argument-path-traversal
  return { content: [{ type: 'text', text: await fs.readFile(absolute, 'utf-8') }] };
});

server.registerTool('read_dir_checked', { inputSchema: { file: z.string() } }, async ({ file }) => {
  const absolute = path.resolve(file);
  if (!roots.some((dir) => absolute === dir || absolute.startsWith(dir + path.sep))) throw new Error('denied');
  // ok: tool-argument-path-traversal
  return { content: [{ type: 'text', text: await fs.readFile(absolute, 'utf-8') }] };
});

/** A CLI helper: reads `--model-outputs` when asked; the tools below pass only `config`. */
async function resolveConfigs(cmdObj: { config?: string[]; assertions?: string; modelOutputs?: string }) {
  if (cmdObj.assertions) {
    // ok: tool-argument-path-traversal
    return JSON.parse(await fs.readFile(path.join(process.cwd(), cmdObj.modelOutputs), 'utf8'));
  }
  // ruleid: tool-argument-path-traversal
  return fs.readFile(cmdObj.config[0], 'utf8');
}

async function runEval(cmdObj: { config?: string[] }) {
  return resolveConfigs(cmdObj);
}

server.registerTool('validate_config', { inputSchema: { configPath: z.string() } }, async ({ configPath }) => {
  const result = await resolveConfigs({ config: [configPath] });
  const options = { config: [configPath], cache: true };
  await runEval(options);
  return { content: [{ type: 'text', text: String(result).slice(0, 100) }] };
});

server.registerTool('replace_in_file', { inputSchema: { file: z.string(), find: z.string(), replace: z.string() } }, async ({ file, find, replace }) => {
  // read, change, write back: one flow, reported at the write
  // ok: tool-argument-path-traversal
  const text = await fs.readFile(file, 'utf-8');
  // ruleid: tool-argument-path-traversal
  await fs.writeFile(file, text.split(find).join(replace));
  return { content: [{ type: 'text', text: 'replaced' }] };
});
