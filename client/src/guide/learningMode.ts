/**
 * Learning mode (`aisec.learningMode`, off by default): the first time a rule fires for this user (rules
 * already met are kept in globalState), a one-time notification offers the rule's exercise and its lesson.
 * Only findings in the files the user has open in an editor count (not a whole-workspace scan).
 */
import type { Diagnostic, ExtensionContext, Uri } from 'vscode';
import { commands, languages, window, workspace } from 'vscode';
import { ruleIdOf } from './findings';
import { SHOW_LESSON_COMMAND, START_EXERCISE_COMMAND } from './ids';
import { newRules } from './learningState';

export const SEEN_RULES_KEY = 'aisec.learning.seenRules';
/** At most this many notifications for one batch of new diagnostics. */
const MAX_PER_BATCH = 2;

export function registerLearningMode(context: ExtensionContext): void {
  const enabled = () => workspace.getConfiguration('aisec').get<boolean>('learningMode', false);
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    if (!enabled()) return;
    const visible = new Set(window.visibleTextEditors.map((e) => e.document.uri.toString()));
    const found: { ruleId: string; uri: Uri; diagnostic: Diagnostic }[] = [];
    for (const [uri, diags] of languages.getDiagnostics()) {
      if (!visible.has(uri.toString())) continue;
      for (const d of diags) if (d.source === 'aisec' && ruleIdOf(d) !== 'config') found.push({ ruleId: ruleIdOf(d), uri, diagnostic: d });
    }
    const seen = context.globalState.get<string[]>(SEEN_RULES_KEY, []);
    const fresh = newRules(seen, found.map((f) => f.ruleId));
    if (!fresh.length) return;
    await context.globalState.update(SEEN_RULES_KEY, [...seen, ...fresh].sort());
    for (const ruleId of fresh.slice(0, MAX_PER_BATCH)) {
      const f = found.find((x) => x.ruleId === ruleId)!;
      void window
        .showInformationMessage(`AISec learning mode: this is the first time ${ruleId} fires for you. Try its three-minute exercise?`, 'Start exercise', 'Open lesson')
        .then(async (b) => {
          try {
            if (b === 'Start exercise') await commands.executeCommand(START_EXERCISE_COMMAND, `rule:${ruleId}`);
            if (b === 'Open lesson') await commands.executeCommand(SHOW_LESSON_COMMAND, ruleId, { uri: f.uri.toString(), range: f.diagnostic.range });
          } catch (e) {
            void window.showWarningMessage(`AISec: ${(e as Error).message}`);
          }
        });
    }
  };
  context.subscriptions.push(
    languages.onDidChangeDiagnostics(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void check(), 500);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
