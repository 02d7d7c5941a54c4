import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { regexDanger } from '../server/src/packs/safeRegex';
function* files(dir: string): Generator<string> { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const p = path.join(dir, e.name); if (e.isDirectory()) yield* files(p); else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) yield p; } }
let n = 0, bad = 0;
for (const root of ['server/src', 'rules']) for (const f of files(root)) {
  const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = node.getText(); const i = t.lastIndexOf('/');
      n++;
      const d = regexDanger(t.slice(1, i), t.slice(i + 1));
      if (d) { bad++; console.log(`${f}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${t.slice(0, 120)}\n    ${d.slice(0, 200)}`); }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
console.log(n, 'literals', bad, 'flagged');
