/** Activation only: start the language client and register client-side commands. */
import type { ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { registerGuide } from './guide';
import { startLanguageClient, stopLanguageClient } from './languageClient';
import { registerLearningView } from './learning/learningView';
import { registerInventoryView } from './views/inventoryView';
import { registerLessonView } from './lesson/lessonView';
import { registerExerciseTests } from './exercises/testController';

export async function activate(context: ExtensionContext): Promise<void> {
  registerGuide(context);
  const client = await startLanguageClient(context);
  registerCommands(context, client);
  registerInventoryView(context, client);
  registerLearningView(context, client);
  registerLessonView(context, client);
  registerExerciseTests(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return stopLanguageClient();
}
