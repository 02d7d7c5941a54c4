// Further checks run in the same code-server workbench after the core suite (vscode.e2e.mjs): each part exports
// `tests` (the names of its tests, so a setup failure still counts them as failed) and `run(ctx)`, where ctx holds
// { page, test, shot, log, ws, outDir, results, openFile, problems, readHover, focusEditor, gotoPos, timeoutMs }
// and `test(name, fn)` records one assertion group. Add a part: one module here, one entry below.
// Order: parts that read the Problems panel first (the guide part's workspace scan fills it with every file).
import * as lesson from './lesson.mjs';
import * as exercises from './exercises.mjs';
import * as guide from './guide.mjs';
import * as paths from './paths.mjs';
import * as lmtool from './lmtool.mjs';

export const PARTS = [lesson, exercises, guide, paths, lmtool];
