/** Every shipped snippet is a secure template: expanded with its defaults, it yields no finding. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ready, run } from '../helpers/engine';

const SNIPPETS = path.resolve(__dirname, '..', '..', '..', 'snippets');
const HOST_FILE: Record<string, string> = { 'python.code-snippets': 'snippet.py', 'typescript.code-snippets': 'snippet.ts', 'mcp.code-snippets': '.vscode/mcp.json' };

/** Expand ${1:default} / ${1} / $1 / $0 placeholders to their defaults (nested ones too). */
export function expandSnippet(body: string): string {
  let prev: string;
  let out = body;
  do {
    prev = out;
    out = out.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\}/g, '').replace(/\$\d+/g, '');
  } while (out !== prev);
  return out.replace(/\\\$/g, '$');
}

describe('snippets', () => {
  before(ready);
  it('expandSnippet fills defaults', () => {
    assert.strictEqual(expandSnippet('a(${1:x}, ${2:${3:y}})$0'), 'a(x, y)');
  });
  for (const file of fs.readdirSync(SNIPPETS).filter((f) => f.endsWith('.code-snippets'))) {
    const data = JSON.parse(fs.readFileSync(path.join(SNIPPETS, file), 'utf8')) as Record<string, { body: string[] | string }>;
    for (const [name, snippet] of Object.entries(data)) {
      it(`${file}: "${name}" yields no finding`, () => {
        let text = expandSnippet(Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
        const host = HOST_FILE[file];
        assert.ok(host, `no host file kind for ${file}`);
        // a server entry is checked inside a servers object; a whole-file snippet as it is
        if (file === 'mcp.code-snippets' && !text.trimStart().startsWith('{')) text = `{ "servers": { ${text} } }`;
        const r = run(host, text);
        assert.deepStrictEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
        assert.deepStrictEqual(r.errors.filter((e) => e.kind === 'parse').map((e) => e.message), []);
      });
    }
  }
});
