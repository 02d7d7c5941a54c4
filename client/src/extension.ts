/** Activation only: start the language client and register client-side commands. */
import type { ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { registerGuide } from './guide';
import { startLanguageClient, stopLanguageClient } from './languageClient';
import { registerLearningView } from './learning/learningView';
import { registerInventoryView } from './views/inventoryView';
import { registerLessonView } from './lesson/lessonView';
import { registerExerciseTests } from './exercises/testController';
import { registerChatParticipant } from './lm/participant';
import { registerSelfCheck } from './lm/selfCheck';
import { registerCheckTool } from './lm/tool';

export async function activate(context: ExtensionContext): Promise<void> {
  registerGuide(context);
  const client = await startLanguageClient(context);
  registerCommands(context, client);
  registerInventoryView(context, client);
  registerLearningView(context, client);
  registerLessonView(context, client);
  registerExerciseTests(context, client);
  // agents: the language-model tool `aisec_check` and `@aisec` in chat (each only when the host has that API)
  const tool = registerCheckTool(client);
  if (tool) context.subscriptions.push(tool);
  const { handler } = registerChatParticipant(context, client);
  registerSelfCheck(context, client, handler); // test mode only (AISEC_E2E_OUT)
}

export function deactivate(): Promise<void> | undefined {
  return stopLanguageClient();
}
