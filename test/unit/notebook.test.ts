/** The notebook analyzer: code cells -> one Python view, mapped back into the .ipynb JSON. */
import * as assert from 'assert';
import { analyzeNotebook } from '../../server/src/analyzers/notebook';
import { ready, run } from '../helpers/engine';

function notebook(cells: { cell_type: string; source: string | string[] }[]): string {
  return JSON.stringify({ cells: cells.map((c) => ({ ...c, metadata: {}, outputs: [] })), metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

describe('notebook analyzer', () => {
  before(ready);

  it('joins code cells, skips markdown and blanks magics', () => {
    const text = notebook([
      { cell_type: 'markdown', source: ['# title'] },
      { cell_type: 'code', source: ['!pip install openai\n', 'x = 1'] },
      { cell_type: 'code', source: '%%bash\necho hi\n' },
      { cell_type: 'code', source: 'y = "a\\"b"' },
    ]);
    const r = analyzeNotebook('n.ipynb', text);
    assert.ok(r.python, 'python view');
    assert.ok(r.data, 'data view');
    const py = r.python!.text;
    assert.ok(!py.includes('pip install') && !py.includes('echo hi') && !py.includes('# title'));
    assert.ok(py.includes('x = 1') && py.includes('y = "a\\"b"'));
    assert.strictEqual(r.python!.root.hasError, false);
  });

  it('maps view offsets into the JSON file, through escapes', () => {
    const text = notebook([{ cell_type: 'code', source: ['a = "q\\"x"\n', 'b = 2'] }]);
    const r = analyzeNotebook('n.ipynb', text);
    const view = r.python!;
    const map = view.map!;
    const b = view.text.indexOf('b = 2');
    assert.strictEqual(text.slice(map.toFile(b), map.toFile(b) + 5), 'b = 2');
    assert.ok(map.canEdit(b, b + 5), 'plain characters are editable');
    const escapedQuote = view.text.indexOf('"x');
    assert.strictEqual(text.slice(map.toFile(escapedQuote), map.toFile(escapedQuote) + 2), '\\"');
    assert.strictEqual(map.canEdit(escapedQuote, escapedQuote + 1), false, 'an escape cannot be edited verbatim');
  });

  it('reports findings at the right place in the .ipynb file', () => {
    const text = notebook([
      { cell_type: 'code', source: ['from openai import OpenAI\n', 'client = OpenAI()'] },
      { cell_type: 'code', source: ['out = client.chat.completions.create(model="gpt-4o", messages=[])\n', 'exec(out.choices[0].message.content)'] },
    ]);
    const r = run('analysis.ipynb', text);
    const f = r.findings.find((x) => x.ruleId === 'llm-output-code-execution');
    assert.ok(f, 'finding in notebook');
    assert.strictEqual(text.slice(f!.start, f!.end), 'out.choices[0].message.content');
  });

  it('never throws on broken notebooks', () => {
    for (const t of ['', '{', '{"cells": 3}', '{"cells": [{"cell_type": "code", "source": 5}]}', '[]']) {
      assert.doesNotThrow(() => analyzeNotebook('n.ipynb', t));
    }
  });
});
