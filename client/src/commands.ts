import { ExtensionContext, Position, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SuppressArgs } from '../../server/src/protocol';
import { SUPPRESS_COMMAND, suppressionLine } from '../../server/src/protocol';
import { commands } from 'vscode';

/** Client-side commands: the suppression prompt (a justification is mandatory). */
export function registerCommands(context: ExtensionContext, _client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(SUPPRESS_COMMAND, async (args: SuppressArgs) => {
      const justification = await window.showInputBox({
        title: `Suppress ${args.ruleId}`,
        prompt: 'Why is this safe? The justification is recorded in the code and in reports.',
        placeHolder: 'e.g. input is validated against an allow-list in validate_command()',
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().length < 8 ? 'Write a justification (at least 8 characters).' : undefined),
      });
      if (!justification) return;
      const until = await window.showInputBox({
        title: `Suppress ${args.ruleId}: expiry (optional)`,
        prompt: 'Re-review by this date (YYYY-MM-DD). Leave empty for no expiry.',
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'Use YYYY-MM-DD or leave empty.'),
      });
      if (until === undefined) return;
      const by = await window.showInputBox({ title: `Suppress ${args.ruleId}: owner (optional)`, prompt: 'Who accepted the risk (e.g. @alice or team-security)? Leave empty to skip.', ignoreFocusOut: true });
      if (by === undefined) return;
      const edit = new WorkspaceEdit();
      edit.insert(Uri.parse(args.uri), new Position(args.line, 0), suppressionLine({ ...args, justification: justification.trim().replace(/\s+/g, ' '), until: until || undefined, by: by.trim().replace(/\s+/g, '-') || undefined }));
      await workspace.applyEdit(edit);
    }),
  );
}
