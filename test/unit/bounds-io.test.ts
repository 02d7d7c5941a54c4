/** The safe reader (regular files only, size cap, never blocking), output escaping and the stdio frame check. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mdCode, mdText } from '../../server/src/cli/report';
import { termSafe } from '../../server/src/cli/text';
import { FrameChecker } from '../../server/src/lsp/frameGuard';
import { readRegularFile, readText } from '../../server/src/workspace/files';

describe('unit: safe reading and escaping', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-io-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads regular files, refuses FIFOs, devices and directories by type, and files above the cap', function () {
    const f = path.join(tmp, 'a.txt');
    fs.writeFileSync(f, '\ufeffhello');
    assert.strictEqual(readText(f), 'hello');
    const big = readRegularFile(f, 4);
    assert.ok(!big.ok && /above the .* limit/.test(big.reason));
    const dir = readRegularFile(tmp, 100);
    assert.ok(!dir.ok && /directory/.test(dir.reason));
    const missing = readRegularFile(path.join(tmp, 'nope'), 100);
    assert.ok(!missing.ok && /no such file/.test(missing.reason));
    if (process.platform === 'win32') this.skip();
    const zero = readRegularFile('/dev/zero', 100);
    assert.ok(!zero.ok && /character device/.test(zero.reason));
    const fifo = path.join(tmp, 'p');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    const r = readRegularFile(fifo, 100);
    assert.ok(!r.ok && /FIFO/.test(r.reason));
    assert.ok(Date.now() - t0 < 1000, 'a FIFO never blocks the open');
    assert.strictEqual(readText(fifo), undefined);
  });

  it('termSafe strips CSI, OSC, C0/C1 controls, line breaks and bidi overrides', () => {
    assert.strictEqual(termSafe('a\u001b[31mb\u001b[0m\u001b]0;title\u0007c\u009bd\re\nf\u202eg\u0000h'), 'abcd e fgh');
    assert.strictEqual(termSafe('tab\there'), 'tab here');
  });

  it('mdCode and mdText keep untrusted names on one line and inert', () => {
    assert.strictEqual(mdCode('a`b\n# h'), '`ab # h`');
    assert.doesNotMatch(mdText('x\n# h [l](http://e)'), /\n|\[l\]/);
  });

  it('FrameChecker follows valid frames split anywhere and flags bad headers', () => {
    const body = '{"jsonrpc":"2.0","method":"x"}';
    const frame = `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const c = new FrameChecker();
    const all = Buffer.from(frame + frame + frame);
    for (let i = 0; i < all.length; i += 7) assert.strictEqual(c.push(all.subarray(i, i + 7)), undefined);
    for (const bad of ['Content-Length: x\r\n\r\n', 'Foo: 1\r\n\r\n', 'Content-Length: -1\r\n\r\n', 'garbage\r\n\r\n', 'Content-Length: 999999999999\r\n\r\n']) assert.ok(new FrameChecker().push(Buffer.from(bad)), bad);
    assert.ok(new FrameChecker().push(Buffer.alloc(9000, 0x61)), 'an endless header');
  });
});
