/**
 * Exercises in the Test Explorer: a TestController (`aisec.exercises`) with the AI labs and one exercise per rule
 * (grouped by pack). Starting an exercise copies it into a scratch folder (the extension's global storage, or
 * `aisec.exercises.folder`) and opens it; running an item asks the language server to grade the folder
 * (`aisec/gradeExercise`: the analyzer plus the exercise's data checks; the code is never executed). Hints are
 * progressive (`aisec.exercises.hint`); the last one applies the quick fix (or the solution) and the pass then
 * counts as assisted. Results are recorded with recordExercise (learning progress).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ExtensionContext, TestItem, TestRunRequest as TestRunRequestType } from 'vscode';
import { CancellationTokenSource, commands, Location, Position, Range, TestMessage, TestRunProfileKind, TestRunRequest, tests, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExerciseInfo, ExerciseParams, GradeResult, HintResult, StartResult } from '../../../server/src/protocol/exercises';
import { EXERCISE_HINT_REQUEST, GRADE_EXERCISE_REQUEST, LIST_EXERCISES_REQUEST, START_EXERCISE_REQUEST } from '../../../server/src/protocol/exercises';
import { recordExercise } from '../learning/progress';

export const START_EXERCISE_COMMAND = 'aisec.exercises.start';
export const HINT_EXERCISE_COMMAND = 'aisec.exercises.hint';
const MANIFEST = '.aisec-exercise.json';
const LABS = 'AI labs';

export function registerExerciseTests(context: ExtensionContext, client: LanguageClient): void {
  const ctrl = tests.createTestController('aisec.exercises', 'AISec exercises');
  context.subscriptions.push(ctrl);
  const infos = new Map<string, ExerciseInfo>();
  const groupOf = new Map<string, TestItem>();
  let loading: Promise<void> | undefined;

  const baseDir = (): string => {
    const custom = (workspace.getConfiguration('aisec').get<string>('exercises.folder') ?? '').trim();
    return custom ? path.resolve(custom.replace(/^~(?=$|[\\/])/, os.homedir())) : path.join(context.globalStorageUri.fsPath, 'exercises');
  };
  const dirOf = (info: ExerciseInfo): string => path.join(baseDir(), info.folder);
  const isStarted = (info: ExerciseInfo): boolean => fs.existsSync(path.join(dirOf(info), MANIFEST));

  function makeItem(info: ExerciseInfo): TestItem {
    const uri = isStarted(info) && info.files[0] ? Uri.file(path.join(dirOf(info), ...info.files[0].split('/'))) : undefined;
    const item = ctrl.createTestItem(info.id, info.kind === 'lab' ? info.title : info.rules[0], uri);
    item.description = info.kind === 'lab' ? info.rules.join(', ') : info.title;
    item.sortText = info.id;
    return item;
  }

  async function load(): Promise<void> {
    const list = await client.sendRequest<ExerciseInfo[]>(LIST_EXERCISES_REQUEST);
    infos.clear();
    groupOf.clear();
    const groups = [...new Set(list.map((e) => e.group))].sort((a, b) => (a === LABS ? -1 : b === LABS ? 1 : a.localeCompare(b)));
    const top: TestItem[] = [];
    for (const g of groups) {
      const group = ctrl.createTestItem(`group:${g}`, g === LABS ? LABS : `Rules: ${g}`);
      group.sortText = g === LABS ? '0' : `1${g}`;
      for (const info of list.filter((e) => e.group === g)) {
        infos.set(info.id, info);
        group.children.add(makeItem(info));
      }
      groupOf.set(g, group);
      top.push(group);
    }
    ctrl.items.replace(top);
  }
  const ensureLoaded = (): Promise<void> => (loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  }));
  ctrl.resolveHandler = async (item) => {
    if (!item) await ensureLoaded();
  };
  ctrl.refreshHandler = async () => {
    loading = undefined;
    await ensureLoaded();
  };

  /** The item again, with its uri once the exercise is started (a TestItem's uri is fixed at creation). */
  function refreshItem(info: ExerciseInfo): TestItem {
    const group = groupOf.get(info.group);
    const item = makeItem(info);
    group?.children.add(item);
    return item;
  }

  async function start(info: ExerciseInfo, reset: boolean): Promise<StartResult> {
    const dir = dirOf(info);
    const res: StartResult = !reset && isStarted(info)
      ? { dir, files: info.files.map((f) => path.join(dir, ...f.split('/'))) }
      : await client.sendRequest<StartResult>(START_EXERCISE_REQUEST, { id: info.id, dir } satisfies ExerciseParams);
    refreshItem(info);
    return res;
  }

  async function saveOpenDocumentsIn(dir: string): Promise<void> {
    for (const d of workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file' && isInside(d.uri.fsPath, dir)) await d.save();
  }

  function toMessages(grade: GradeResult, dir: string): TestMessage[] {
    return grade.failures.map((f) => {
      const m = new TestMessage(f.message);
      if (f.file) {
        const r = f.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        m.location = new Location(Uri.file(path.join(dir, ...f.file.split('/'))), new Range(new Position(r.start.line, r.start.character), new Position(r.end.line, r.end.character)));
      }
      return m;
    });
  }

  function leaves(items: readonly TestItem[] | undefined, exclude: readonly TestItem[] | undefined, explicit: boolean): TestItem[] {
    const out: TestItem[] = [];
    const skip = new Set((exclude ?? []).map((i) => i.id));
    const visit = (item: TestItem, direct: boolean): void => {
      if (skip.has(item.id)) return;
      const info = infos.get(item.id);
      if (info) {
        // running a whole group or everything grades the started exercises; an exercise run on its own starts it
        if (direct || isStarted(info)) out.push(item);
        return;
      }
      item.children.forEach((c) => visit(c, false));
    };
    if (items) for (const i of items) visit(i, explicit);
    else ctrl.items.forEach((i) => visit(i, false));
    return out;
  }

  async function runHandler(request: TestRunRequestType, token: { isCancellationRequested: boolean }): Promise<void> {
    await ensureLoaded();
    const run = ctrl.createTestRun(request, 'AISec exercises');
    try {
      for (const item of leaves(request.include, request.exclude, true)) {
        if (token.isCancellationRequested) break;
        const info = infos.get(item.id)!;
        run.started(item);
        const t0 = Date.now();
        try {
          if (!isStarted(info)) {
            const res = await start(info, true);
            if (res.files[0]) await window.showTextDocument(Uri.file(res.files[0]), { preview: false });
          }
          const dir = dirOf(info);
          await saveOpenDocumentsIn(dir);
          const grade = await client.sendRequest<GradeResult>(GRADE_EXERCISE_REQUEST, { id: info.id, dir } satisfies ExerciseParams);
          run.appendOutput(`${grade.passed ? 'PASS' : 'FAIL'} ${info.id}${grade.passed && grade.assisted ? ' (assisted)' : ''}\r\n${grade.failures.map((f) => `  ${f.message}\r\n`).join('')}`);
          if (grade.passed) run.passed(item, Date.now() - t0);
          else run.failed(item, toMessages(grade, dir), Date.now() - t0);
          await recordExercise(context, info.id, { passed: grade.passed, hints: grade.hints, assisted: grade.assisted });
        } catch (e) {
          run.errored(item, new TestMessage(`could not grade ${info.id}: ${(e as Error).message}`));
        }
      }
    } finally {
      run.end();
    }
  }
  ctrl.createRunProfile('Grade', TestRunProfileKind.Run, (req, token) => runHandler(req, token), true);

  const gradeNow = async (info: ExerciseInfo): Promise<void> => {
    const item = groupOf.get(info.group)?.children.get(info.id);
    if (item) await runHandler(new TestRunRequest([item]), new CancellationTokenSource().token);
  };

  /** The exercise named by a command argument (id or TestItem), else the one the active editor is in, else a pick. */
  async function pick(arg: unknown, placeHolder: string, startedOnly: boolean): Promise<ExerciseInfo | undefined> {
    await ensureLoaded();
    const id = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'id' in arg ? String((arg as { id: unknown }).id) : undefined;
    if (id) {
      const info = infos.get(id) ?? infos.get(`rule:${id}`) ?? infos.get(`lab:${id}`);
      if (!info) void window.showErrorMessage(`AISec: no exercise "${id}"`);
      return info;
    }
    const active = window.activeTextEditor?.document.uri;
    if (active?.scheme === 'file' && isInside(active.fsPath, baseDir())) {
      const folder = path.relative(baseDir(), active.fsPath).split(path.sep)[0];
      const info = [...infos.values()].find((i) => i.folder === folder);
      if (info) return info;
    }
    const choices = [...infos.values()].filter((i) => !startedOnly || isStarted(i)).map((i) => ({ label: i.id, description: i.title, info: i }));
    if (!choices.length) {
      void window.showInformationMessage('AISec: no exercise started yet. Run "AISec: Start exercise" first.');
      return undefined;
    }
    return (await window.showQuickPick(choices, { placeHolder, matchOnDescription: true }))?.info;
  }

  async function applyFiles(dir: string, files: Record<string, string>): Promise<void> {
    const edit = new WorkspaceEdit();
    const uris: Uri[] = [];
    for (const [rel, text] of Object.entries(files)) {
      const uri = Uri.file(path.join(dir, ...rel.split('/')));
      uris.push(uri);
      if (fs.existsSync(uri.fsPath)) {
        const doc = await workspace.openTextDocument(uri);
        edit.replace(uri, new Range(new Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end), text);
      } else {
        edit.createFile(uri, { ignoreIfExists: true });
        edit.insert(uri, new Position(0, 0), text);
      }
    }
    await workspace.applyEdit(edit);
    for (const uri of uris) {
      const doc = await workspace.openTextDocument(uri);
      if (doc.isDirty) await doc.save();
    }
    if (uris[0]) await window.showTextDocument(uris[0], { preview: false });
  }

  context.subscriptions.push(
    commands.registerCommand(START_EXERCISE_COMMAND, async (arg?: unknown, options?: { reset?: boolean }) => {
      const info = await pick(arg, 'Start an AISec exercise', false);
      if (!info) return undefined;
      const res = await start(info, !!options?.reset);
      if (res.files[0]) await window.showTextDocument(Uri.file(res.files[0]), { preview: false });
      void window.showInformationMessage(`AISec exercise: ${info.title}. Fix the finding without removing what the code does, then run the exercise in the Testing view. Hints: "AISec: Exercise hint".`);
      return res.dir;
    }),
    commands.registerCommand(HINT_EXERCISE_COMMAND, async (arg?: unknown) => {
      const info = await pick(arg, 'Hint for which exercise?', true);
      if (!info) return;
      if (!isStarted(info)) await start(info, true);
      const dir = dirOf(info);
      for (;;) {
        const hint = await client.sendRequest<HintResult>(EXERCISE_HINT_REQUEST, { id: info.id, dir } satisfies ExerciseParams);
        const action = hint.last ? (hint.assist?.title.startsWith('Quick fix') ? 'Apply quick fix' : 'Apply solution') : 'Next hint';
        const choice = await window.showInformationMessage(`${info.id}, hint ${hint.index}/${hint.total}: ${hint.text}`, action);
        if (choice === 'Next hint') continue;
        if (choice && hint.assist) {
          await applyFiles(dir, hint.assist.files);
          await gradeNow(info);
        }
        return;
      }
    }),
  );
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
