/** The exercise requests of the language server (what the Test Explorer calls): list, start, grade, hint. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ExerciseInfo, GradeResult, HintResult, StartResult } from '../../server/src/protocol/exercises';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient } from '../helpers/lsp';

describe('lsp: exercises', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  before(assertBuilt);
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(cleanupWorkspaces);

  it('lists, starts, grades (fail, then pass) and gives progressive hints', async () => {
    const ws = makeWorkspace(undefined);
    client = await new LspClient({ root: ws, configuration: true, settings: {} }).start();
    const list = await client.request<ExerciseInfo[]>('aisec/exercises', {});
    const lab = list.find((e) => e.id === 'lab:system-prompt-user-input');
    assert.ok(lab && lab.group === 'AI labs' && lab.files[0] === 'app.py' && lab.hints === 3);
    assert.ok(list.some((e) => e.id === 'rule:torch-load-unsafe' && e.group === 'code' && e.folder === 'rule-torch-load-unsafe'));

    const dir = path.join(ws, 'scratch', lab.folder);
    const started = await client.request<StartResult>('aisec/startExercise', { id: lab.id, dir });
    assert.deepStrictEqual(started.files, [path.join(dir, 'app.py')]);

    const fail = await client.request<GradeResult>('aisec/gradeExercise', { id: lab.id, dir });
    assert.strictEqual(fail.passed, false);
    assert.strictEqual(fail.failures[0].kind, 'fires');
    assert.strictEqual(fail.failures[0].file, 'app.py');
    assert.strictEqual(fail.failures[0].range?.start.line, 19);

    const h1 = await client.request<HintResult>('aisec/exerciseHint', { id: lab.id, dir });
    assert.deepStrictEqual([h1.index, h1.total, h1.last], [1, 3, false]);
    await client.request<HintResult>('aisec/exerciseHint', { id: lab.id, dir });
    const last = await client.request<HintResult>('aisec/exerciseHint', { id: lab.id, dir });
    assert.strictEqual(last.last, true);
    assert.ok(last.assist?.files['app.py']?.includes('SYSTEM_PROMPT'));
    fs.writeFileSync(path.join(dir, 'app.py'), last.assist!.files['app.py']);

    const pass = await client.request<GradeResult>('aisec/gradeExercise', { id: lab.id, dir });
    assert.deepStrictEqual(pass.failures, []);
    assert.strictEqual(pass.passed, true);
    assert.strictEqual(pass.assisted, true);

    await assert.rejects(client.request('aisec/gradeExercise', { id: 'lab:nope', dir }), /no exercise "lab:nope"/);
  });
});
