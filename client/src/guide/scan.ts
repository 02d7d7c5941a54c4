/**
 * "AISec: Scan workspace" in VS Code: the command is the server's (executeCommandProvider); this middleware
 * runs it with a work-done token shown as a cancellable notification (files done / total), cancels the
 * request when the user cancels (the server stops between two files), and ends with a summary.
 */
import { randomUUID } from 'crypto';
import { commands, ProgressLocation, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest, WorkDoneProgress } from 'vscode-languageclient/node';
import type { ScanSummary } from '../../../server/src/protocol';
import { SHOW_FINDINGS_COMMAND } from './ids';
import { scanSummaryText } from './summary';

export async function runWorkspaceScan(client: LanguageClient, command: string, args: unknown[]): Promise<ScanSummary | undefined> {
  const summary = await window.withProgress({ location: ProgressLocation.Notification, title: 'AISec: scanning workspace', cancellable: true }, async (progress, cancel) => {
    const workDoneToken = randomUUID();
    let last = 0;
    const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
      if (v.kind === 'end') return;
      const pct = typeof v.percentage === 'number' ? v.percentage : last;
      progress.report({ message: v.message, increment: Math.max(0, pct - last) });
      last = Math.max(last, pct);
    });
    try {
      return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }, cancel)) as ScanSummary | undefined;
    } catch (e) {
      void window.showErrorMessage(`AISec: the workspace scan failed: ${(e as Error).message}`);
      return undefined;
    } finally {
      sub.dispose();
    }
  });
  if (summary && typeof summary.files === 'number' && summary.bySeverity) {
    const buttons = summary.findings ? ['Show findings'] : [];
    void window.showInformationMessage(scanSummaryText(summary), ...buttons).then((b) => {
      if (b === 'Show findings') void commands.executeCommand(SHOW_FINDINGS_COMMAND);
    });
  }
  return summary;
}
