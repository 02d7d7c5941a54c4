/**
 * "AISec: insert secure snippet: ..." in the quick-fix menu of the findings a snippet answers
 * (snippetMap.ts): inserts the vetted template above the top-level statement that holds the finding.
 */
import * as fs from 'fs';
import type { CodeActionProvider, ExtensionContext, TextDocument } from 'vscode';
import { CodeAction, CodeActionKind, commands, languages, Position, SnippetString, Uri, window, workspace } from 'vscode';
import { ruleIdOf } from './findings';
import type { SnippetRef } from './snippetMap';
import { snippetFor, topLevelLine } from './snippetMap';

export const INSERT_SNIPPET_COMMAND = 'aisec.insertSecureSnippet';

export function registerSnippetActions(context: ExtensionContext): void {
  const provider: CodeActionProvider = {
    provideCodeActions(doc: TextDocument, _range, ctx) {
      const out: CodeAction[] = [];
      const offered = new Set<string>();
      for (const d of ctx.diagnostics) {
        if (d.source !== 'aisec') continue;
        const ref = snippetFor(doc.languageId, ruleIdOf(d));
        if (!ref || offered.has(ref.name)) continue;
        offered.add(ref.name);
        const a = new CodeAction(`AISec: insert secure snippet: ${ref.label}`, CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { title: a.title, command: INSERT_SNIPPET_COMMAND, arguments: [doc.uri.toString(), d.range.start.line, ref] };
        out.push(a);
      }
      return out;
    },
  };
  context.subscriptions.push(
    languages.registerCodeActionsProvider([{ language: 'python' }, { language: 'typescript' }, { language: 'typescriptreact' }], provider, { providedCodeActionKinds: [CodeActionKind.QuickFix] }),
    commands.registerCommand(INSERT_SNIPPET_COMMAND, async (uri: string, line: number, ref: SnippetRef) => {
      const data = JSON.parse(fs.readFileSync(context.asAbsolutePath(`snippets/${ref.file}`), 'utf8')) as Record<string, { body: string | string[] }>;
      const snippet = data[ref.name];
      if (!snippet) return;
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      const doc = await workspace.openTextDocument(Uri.parse(uri));
      const editor = await window.showTextDocument(doc);
      const lines = doc.getText().split(/\r?\n/);
      const at = topLevelLine(lines, line);
      await editor.insertSnippet(new SnippetString(`${body.replace(/\$0$/, '')}\n\n`), new Position(at, 0));
    }),
  );
}
