// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A coding agent's file tools: each tool is defined with `tool({ execute })` and registered together with a
// validator hook that the agent's tool runner calls before `execute` (a failed validation never reaches it).
import { tool, jsonSchema } from 'ai';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkInsideWorkspace, checkPairInsideWorkspace } from '../workspace/guards.js';

const cwd = () => process.cwd();

/** Named like a validator, but only rejects empty strings: it confines nothing. */
function validateNotBlank(value) {
  if (typeof value !== 'string' || value.trim() === '') return { valid: false, error: 'blank' };
  return { valid: true };
}

const runWrite = async (args) => {
  const target = resolve(cwd(), args.path);
  // ok: tool-argument-path-traversal
  await writeFile(target, String(args.content), 'utf-8');
  return 'written';
};
const writeCoreTool = tool({
  description: 'Write a file in the project',
  inputSchema: jsonSchema({ type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } }),
  execute: async (args) => runWrite(args),
});
const writeValidator = async (args) => {
  const verdict = checkInsideWorkspace(args.path);
  if (!verdict.valid) return verdict;
  return { valid: true };
};
export const writeTool = { name: 'write_file', tool: writeCoreTool, validator: writeValidator };

const runCopy = async (args) => {
  const { source, destination } = args;
  // ok: tool-argument-path-traversal
  await copyFile(resolve(cwd(), source), resolve(cwd(), destination));
  return 'copied';
};
const copyCoreTool = tool({
  description: 'Copy a file inside the project',
  inputSchema: jsonSchema({ type: 'object', properties: { source: { type: 'string' }, destination: { type: 'string' } } }),
  execute: async (args) => runCopy(args),
});
async function copyValidator(args) {
  const { source, destination } = args;
  return checkPairInsideWorkspace(source, destination);
}
export const copyTool = { name: 'copy_file', tool: copyCoreTool, validator: copyValidator };

// the validator hook sits next to execute; it checks `path` but not `backup`
export const deleteTool = tool({
  description: 'Delete a file, keeping a backup copy',
  inputSchema: jsonSchema({ type: 'object', properties: { path: { type: 'string' }, backup: { type: 'string' } } }),
  validate: async ({ path }) => checkInsideWorkspace(path),
  execute: async (args) => {
    const victim = resolve(cwd(), args.path);
    // ruleid: tool-argument-path-traversal
    await writeFile(resolve(cwd(), args.backup), await readFile(victim));
    // ok: tool-argument-path-traversal
    await rm(victim);
    return 'deleted';
  },
});

// a hook whose only check is a same-file "validator" that does not confine
const appendCoreTool = tool({
  description: 'Append a line to a file',
  inputSchema: jsonSchema({ type: 'object', properties: { path: { type: 'string' }, line: { type: 'string' } } }),
  execute: async (args) => {
    const previous = await readFile(resolve(cwd(), args.path), 'utf-8');
    // ruleid: tool-argument-path-traversal
    await writeFile(resolve(cwd(), args.path), `${previous}\n${args.line}`);
    return 'appended';
  },
});
export const appendTool = { name: 'append_line', tool: appendCoreTool, validator: (args) => validateNotBlank(args.path) };

// no validator at all
export const readTool = tool({
  description: 'Read a file',
  inputSchema: jsonSchema({ type: 'object', properties: { path: { type: 'string' } } }),
  // ruleid: tool-argument-path-traversal
  execute: async (args) => readFile(resolve(cwd(), args.path), 'utf-8'),
});
