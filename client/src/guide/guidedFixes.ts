/**
 * Guided fixes in VS Code: a fix that needs a value asks for it (server/src/lsp/guidedFixes.ts sends the
 * edits with the suggested value), and after any AISec quick fix "Explain this fix" opens the rule's lesson.
 * Applying a fix sets the `aisec.fixApplied` context key (the walkthrough's "Apply a fix" step).
 */
import type { ExtensionContext } from 'vscode';
import { commands, Range, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import type { FixAppliedArgs, GuidedFixArgs } from '../../../server/src/protocol';
import { APPLY_GUIDED_FIX_COMMAND, FIX_APPLIED_COMMAND } from '../../../server/src/protocol';
import { fillGuidedValue } from '../../../server/src/lsp/guidedFixes';
import { CTX_FIX_APPLIED, SHOW_LESSON_COMMAND } from './ids';

const toRange = (r: GuidedFixArgs['range']) => new Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function fixApplied(args: FixAppliedArgs): Promise<void> {
  await commands.executeCommand('setContext', CTX_FIX_APPLIED, true);
  const b = await window.showInformationMessage(`AISec: applied "${args.title}" (${args.ruleId}).`, 'Explain this fix');
  if (b === 'Explain this fix') {
    try {
      await commands.executeCommand(SHOW_LESSON_COMMAND, args.ruleId, { uri: args.uri, range: args.range });
    } catch (e) {
      void window.showWarningMessage(`AISec: could not open the lesson: ${(e as Error).message}`);
    }
  }
}

async function applyGuidedFix(args: GuidedFixArgs): Promise<boolean> {
  const re = new RegExp(args.ask.pattern);
  const answer = await window.showInputBox({
    title: `${args.ruleId}: ${args.ask.title}`,
    prompt: args.ask.prompt,
    value: args.ask.emptyValue ? '' : args.ask.value,
    placeHolder: args.ask.emptyValue ? args.ask.value : undefined,
    ignoreFocusOut: true,
    validateInput: (v) => (re.test(v.trim()) ? undefined : args.ask.patternMessage),
  });
  if (answer === undefined) return false;
  const uri = Uri.parse(args.uri);
  const doc = await workspace.openTextDocument(uri);
  if (doc.version !== args.version) {
    void window.showWarningMessage('AISec: the file changed since the fix was computed. Open the quick fixes again.');
    return false;
  }
  const edit = new WorkspaceEdit();
  for (const e of fillGuidedValue(args.edits, args.ask, answer.trim())) edit.replace(uri, toRange(e.range), e.newText);
  if (!(await workspace.applyEdit(edit))) return false;
  void fixApplied({ uri: args.uri, ruleId: args.ruleId, title: args.title, range: args.range });
  return true;
}

export function registerGuidedFixes(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand(APPLY_GUIDED_FIX_COMMAND, applyGuidedFix), commands.registerCommand(FIX_APPLIED_COMMAND, (a: FixAppliedArgs) => void fixApplied(a)));
}
