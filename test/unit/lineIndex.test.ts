/** LineIndex: UTF-16 offsets <-> 0-based line/character, as LSP and SARIF count them. */
import * as assert from 'assert';
import { LineIndex } from '../../server/src/engine/lineIndex';

describe('unit: lineIndex', () => {
  it('LF', () => {
    const li = new LineIndex('ab\ncd\n');
    assert.strictEqual(li.lineCount, 3);
    assert.deepStrictEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepStrictEqual(li.positionAt(2), { line: 0, character: 2 });
    assert.deepStrictEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepStrictEqual(li.positionAt(6), { line: 2, character: 0 });
    assert.strictEqual(li.lineText(1), 'cd');
    assert.strictEqual(li.offsetAt({ line: 1, character: 1 }), 4);
  });

  it('CRLF: the CR belongs to the line break, not the line', () => {
    const text = 'ab\r\ncd\r\nef';
    const li = new LineIndex(text);
    assert.strictEqual(li.lineCount, 3);
    assert.deepStrictEqual(li.positionAt(4), { line: 1, character: 0 });
    assert.deepStrictEqual(li.positionAt(text.indexOf('f')), { line: 2, character: 1 });
    assert.strictEqual(li.lineText(0), 'ab');
    assert.strictEqual(li.lineText(1), 'cd');
    assert.strictEqual(li.lineEnd(0), 2);
    assert.strictEqual(li.lineText(2), 'ef');
    // an offset past the line's content clamps to its end, never into the break
    assert.strictEqual(li.offsetAt({ line: 0, character: 99 }), 2);
  });

  it('lone CR and mixed breaks', () => {
    const li = new LineIndex('a\rb\nc\r\nd');
    assert.strictEqual(li.lineCount, 4);
    assert.deepStrictEqual(['a', 'b', 'c', 'd'].map((_, i) => li.lineText(i)), ['a', 'b', 'c', 'd']);
    assert.deepStrictEqual(li.positionAt(7), { line: 3, character: 0 });
  });

  it('surrogate pairs count as two UTF-16 units', () => {
    const text = 'x = "😀😀" # 🤖\ny';
    const li = new LineIndex(text);
    const hash = text.indexOf('#');
    assert.strictEqual(hash, 11, 'x = "' + ' is 5 units, each emoji 2');
    assert.deepStrictEqual(li.positionAt(hash), { line: 0, character: 11 });
    assert.deepStrictEqual(li.positionAt(text.indexOf('y')), { line: 1, character: 0 });
    assert.deepStrictEqual(li.rangeOf(5, 9), { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
    assert.strictEqual(li.offsetAt({ line: 0, character: 11 }), hash);
    assert.strictEqual(li.lineText(0).length, 15);
  });

  it('round-trips every offset', () => {
    const text = 'a\r\n😀b\rc\n\nd😀\r\n';
    const li = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = li.positionAt(o);
      // offsets inside a CRLF break map to the end of the line (the CR), which maps back to itself
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.strictEqual(li.offsetAt(p), o, `offset ${o} -> ${JSON.stringify(p)}`);
    }
  });

  it('clamps out-of-range input', () => {
    const li = new LineIndex('ab\ncd');
    assert.deepStrictEqual(li.positionAt(-5), { line: 0, character: 0 });
    assert.deepStrictEqual(li.positionAt(99), { line: 1, character: 2 });
    assert.strictEqual(li.offsetAt({ line: 9, character: 0 }), 5);
  });

  it('empty text', () => {
    const li = new LineIndex('');
    assert.strictEqual(li.lineCount, 1);
    assert.deepStrictEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.strictEqual(li.lineText(0), '');
  });
});
