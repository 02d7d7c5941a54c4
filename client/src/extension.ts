/** Activation only: start the language client and register client-side commands. */
import type { ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { startLanguageClient, stopLanguageClient } from './languageClient';
import { registerInventoryView } from './views/inventoryView';
import { registerExerciseTests } from './exercises/testController';

export async function activate(context: ExtensionContext): Promise<void> {
  const client = await startLanguageClient(context);
  registerCommands(context, client);
  registerInventoryView(context, client);
  registerExerciseTests(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return stopLanguageClient();
}
