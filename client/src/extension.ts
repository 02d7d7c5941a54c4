/** Activation only: start the language client and register client-side commands. */
import type { ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { registerFindings } from './guide/findings';
import { registerGuidedFixes } from './guide/guidedFixes';
import { registerLearningMode } from './guide/learningMode';
import { registerWalkthrough } from './guide/walkthrough';
import { startLanguageClient, stopLanguageClient } from './languageClient';
import { registerInventoryView } from './views/inventoryView';

export async function activate(context: ExtensionContext): Promise<void> {
  const client = await startLanguageClient(context);
  registerCommands(context, client);
  registerInventoryView(context, client);
  registerFindings(context);
  registerWalkthrough(context);
  registerLearningMode(context);
  registerGuidedFixes(context);
}

export function deactivate(): Promise<void> | undefined {
  return stopLanguageClient();
}
