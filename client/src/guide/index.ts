/** The guide features of issue 9 (registered before the language client starts, so the walkthrough's commands exist at once). */
import type { ExtensionContext } from 'vscode';
import { registerFindings } from './findings';
import { registerGuidedFixes } from './guidedFixes';
import { registerLearningMode } from './learningMode';
import { registerSnippetActions } from './snippetActions';
import { registerWalkthrough } from './walkthrough';

export function registerGuide(context: ExtensionContext): void {
  registerFindings(context);
  registerWalkthrough(context);
  registerLearningMode(context);
  registerGuidedFixes(context);
  registerSnippetActions(context);
}
