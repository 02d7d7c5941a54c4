import type { InstalledName } from '../../../server/src/packages/installCommands';
import { installSites } from '../../../server/src/packages/installSites';
import { isKnownPackage, isLocalModule, isNpmPackageDeclared, likelyTyposquat, normalizePython } from '../../../server/src/packages';
import { defineRule } from '../../../server/src/engine/rule';
import type { RuleContext } from '../../../server/src/engine/rule';
import type { BaseView } from '../../../server/src/engine/views';

function report(ctx: RuleContext<BaseView>, names: InstalledName[]): void {
  for (const n of names) {
    if (isKnownPackage(n.name, n.ecosystem)) continue;
    const ws = ctx.workspace;
    if (n.ecosystem === 'python' ? ws?.pythonPackages?.some((d) => normalizePython(d) === normalizePython(n.name)) : isNpmPackageDeclared(n.name, ws)) continue;
    if (isLocalModule(n.ecosystem === 'python' ? normalizePython(n.name) : n.name, ws)) continue;
    const squat = likelyTyposquat(n.name, n.ecosystem, { pythonDist: true });
    if (!squat) continue;
    ctx.report({
      messageId: 'typosquat',
      data: { name: n.name, intended: squat.intended, command: n.command },
      start: n.start,
      end: n.end,
      fixes: [{ title: `Install \`${squat.intended}\` instead`, kind: 'suggestion', edits: [{ start: n.start, end: n.end, newText: squat.intended }] }],
    });
  }
}

export default defineRule({
  meta: {
    id: 'typosquat-install-command',
    name: 'TyposquatInstallCommand',
    shortDescription: 'An install command (`pip install`, `npm install`, `npx`, notebook `!pip install`) names a misspelling of a popular package.',
    fullDescription: 'Typosquatters publish packages one or two letters away from popular ones (`reqeusts`, `langchian`, `@antropic-ai/sdk`) whose install scripts steal credentials or open a backdoor. An install line in a notebook, a setup script, or agent instructions (AGENTS.md) that a coding agent or a teammate runs verbatim installs the squatted package with the user\'s rights. The check is offline: names are compared with a bundled list of the most downloaded PyPI and npm packages and with the workspace manifests.',
    views: ['python', 'js', 'data', 'text'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM03'],
    cwe: [1357, 829],
    frameworks: { nistAiRmf: ['GOVERN 6.1', 'MAP 4.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3'] },
    fix: 'suggestion',
    messages: {
      typosquat: '`{{command}} {{name}}`: `{{name}}` is not a known package but is one or two letters away from the popular `{{intended}}`; it may be a typosquat.',
    },
  },
  check: {
    python(ctx) { report(ctx, installSites.python(ctx.view)); },
    js(ctx) { report(ctx, installSites.js(ctx.view)); },
    data(ctx) { report(ctx, installSites.data(ctx.view)); },
    text(ctx) { report(ctx, installSites.text(ctx.view, ctx.kind)); },
  },
});
