/** Which validation patterns keep a value from starting with "-" (an option of the program it is passed to). */
import * as assert from 'assert';
import { leadingDashRejected } from '../../server/src/analyzers/flow/js';

describe('leading-dash patterns (tool-argument-option-injection)', () => {
  it('an anchored first character that cannot be "-" rejects options', () => {
    for (const p of ['^[0-9a-f]{7,40}$', '^\\w+$', '^\\d+$', '^v\\d+\\.\\d+$', '^[A-Za-z][A-Za-z0-9._-]*$', '^[a-z0-9]+(?:-[a-z0-9]+)*$', '^@[a-z]+/[a-z]+$']) {
      assert.strictEqual(leadingDashRejected(p), true, p);
    }
  });
  it('a class holding "-", a negated class, an optional or unanchored start, or an alternative lets "-" through', () => {
    for (const p of ['[0-9a-f]+', '^[A-Za-z0-9._/-]{1,100}$', '^[-a-z]+$', '^[a-z\\-]+$', '^[^/]+$', '^.+$', '^[+--]$', '^[ -~]+$', '^[a-z]*$', '^a?b', '^[a-z]+|-x', '^\\S+$', '^[\\W]+$', '^(a|b)$']) {
      assert.strictEqual(leadingDashRejected(p), false, p);
    }
  });
});
