/** Path confinement across files: confinement helpers of another module, and confined values joined with settings. */
import * as assert from 'assert';
import { analyze } from '../../server/src/engine/engine';
import { builtinRules } from '../../server/src/engine/registry';
import { WorkspaceIndex } from '../../server/src/workspace/projectIndex';
import type { ProjectSource } from '../../server/src/workspace/projectIndex';
import { allRulesConfig, ready } from '../helpers/engine';
import { join, reaches, sanitize, CTX, TOOL } from '../../server/src/analyzers/flow/taint';
import type { Taint } from '../../server/src/analyzers/flow/taint';
import { FlowCore } from '../../server/src/analyzers/flow/core';

function memory(files: Record<string, string>): ProjectSource & { files(): string[] } {
  return { read: (rel) => files[rel], exists: (rel) => rel in files, files: () => Object.keys(files) };
}

function findings(files: Record<string, string>, file: string): string[] {
  const r = analyze({ path: file, text: files[file], project: new WorkspaceIndex(memory(files)) }, allRulesConfig(), builtinRules);
  return r.findings.filter((f) => f.ruleId === 'tool-argument-path-traversal').map((f) => `${f.range.start.line + 1}`);
}

/** A toolkit whose mixin (another module) confines paths to root_dir when one is set; the check is defined after the class. */
const MIXIN = (check: string): Record<string, string> => ({
  'kit/__init__.py': '',
  'kit/utils.py': [
    'from pathlib import Path',
    'from typing import Optional',
    'from pydantic import BaseModel',
    '',
    'class BaseFileToolMixin(BaseModel):',
    '    root_dir: Optional[str] = None',
    '',
    '    def get_relative_path(self, file_path: str) -> Path:',
    '        if self.root_dir is None:',
    '            return Path(file_path)',
    '        return get_validated_relative_path(Path(self.root_dir), file_path)',
    '',
    'def get_validated_relative_path(root: Path, user_path: str) -> Path:',
    '    root = root.resolve()',
    `    full_path = ${check}`,
    '    if not full_path.is_relative_to(root):',
    '        raise ValueError(user_path)',
    '    return full_path',
    '',
  ].join('\n'),
  'kit/read.py': [
    'from langchain_core.tools import BaseTool',
    'from kit.utils import BaseFileToolMixin',
    '',
    'class ReadFileTool(BaseFileToolMixin, BaseTool):',
    '    name: str = "read_file"',
    '    description: str = "Read a file"',
    '',
    '    def _run(self, file_path: str) -> str:',
    '        read_path = self.get_relative_path(file_path)',
    '        return read_path.read_text()',
    '',
  ].join('\n'),
});

/** An MCP server whose listing starts at the docs root (a setting) or a checked sub-folder, walked in a helper module. */
const DOCS = (base: string): Record<string, string> => ({
  'src/lib/paths.ts': [
    'import fs from "node:fs/promises";',
    'import path from "node:path";',
    'export async function resolveInside(root: string, requested: string): Promise<string> {',
    '  const realRoot = await fs.realpath(root);',
    '  const real = await fs.realpath(path.resolve(realRoot, requested));',
    '  const rel = path.relative(realRoot, real);',
    '  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error("outside");',
    '  return real;',
    '}',
    'export async function* walk(dir: string): AsyncGenerator<string> {',
    '  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {',
    '    const full = path.join(dir, entry.name);',
    '    if (entry.isDirectory()) yield* walk(full);',
    '    else yield full;',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/tools/docs.ts': [
    'import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
    'import { z } from "zod";',
    'import { resolveInside, walk } from "../lib/paths.js";',
    'export function registerDocsTools(server: McpServer, config: { docsRoot: string }) {',
    '  server.registerTool("list_docs", { inputSchema: { subdir: z.string().optional() } }, async ({ subdir }) => {',
    `    const base = ${base};`,
    '    const files: string[] = [];',
    '    for await (const f of walk(base)) files.push(f);',
    '    return { content: [{ type: "text", text: files.join("\\n") }] };',
    '  });',
    '}',
    '',
  ].join('\n'),
});

describe('path confinement', () => {
  before(ready);

  it('a confined source joined with a parameter keeps its sanitization until the parameter is resolved', () => {
    const arg: Taint = sanitize({ kinds: TOOL, sanitized: 0, origin: 'tool argument', originStart: 0 }, CTX.path)!;
    const setting: Taint = { kinds: 0, sanitized: 0, origin: 'parameter config', originStart: 0, params: 1, fn: 'register' };
    const both = join(arg, setting)!;
    assert.strictEqual(both.sanitized & CTX.path, 0, 'the parameter part is not confined');
    assert.strictEqual(reaches(both, 'model', 'path'), undefined, 'the source part is');
    const core = new FlowCore<number>();
    core.declareFunction({ key: 'register', name: 'register', params: ['config'] });
    assert.strictEqual(reaches(core.resolve(both), 'model', 'path'), undefined, 'no caller passes a source');
    core.addCallArgs('register', [{ kinds: TOOL, sanitized: 0, origin: 'other tool argument', originStart: 1 }]);
    // (resolve caches by taint object: ask with a copy)
    assert.ok(reaches(core.resolve({ ...both }), 'model', 'path'), 'a caller passing an unconfined source makes it reach');
  });

  it('a mixin of another module that confines to root_dir when one is set confines the tool argument', () => {
    assert.deepStrictEqual(findings(MIXIN('(root / user_path).resolve()'), 'kit/read.py'), []);
    // the joined path checked before it is resolved: root/a/../../etc is relative to root as written
    assert.deepStrictEqual(findings(MIXIN('root / user_path'), 'kit/read.py'), ['10']);
  });

  it('a listing that starts at a setting or at a checked sub-folder is confined across modules', () => {
    assert.deepStrictEqual(findings(DOCS('subdir ? await resolveInside(config.docsRoot, subdir) : config.docsRoot'), 'src/lib/paths.ts'), []);
    // an absolute sub-folder skips the check
    assert.deepStrictEqual(findings(DOCS('subdir?.startsWith("/") ? subdir : await resolveInside(config.docsRoot, subdir ?? ".")'), 'src/lib/paths.ts'), ['11']);
  });
});
