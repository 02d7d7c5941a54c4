import type { InstalledName } from '../../../server/src/packages/installCommands';
import { installSites } from '../../../server/src/packages/installSites';
import { isKnownPackage, isLocalModule, isNpmPackageDeclared, likelyTyposquat, normalizePython } from '../../../server/src/packages';
import { defineRule } from '../../../server/src/engine/rule';
import type { RuleContext } from '../../../server/src/engine/rule';
import type { BaseView } from '../../../server/src/engine/views';

function report(ctx: RuleContext<BaseView>, names: InstalledName[]): void {
  for (const n of names) {
    // runners (npx x, uvx x) may name a command rather than a package; typosquats are typosquat-install-command's
    if (n.runner || isKnownPackage(n.name, n.ecosystem) || likelyTyposquat(n.name, n.ecosystem, { pythonDist: true })) continue;
    const ws = ctx.workspace;
    if (n.ecosystem === 'python' ? ws?.pythonPackages?.some((d) => normalizePython(d) === normalizePython(n.name)) : isNpmPackageDeclared(n.name, ws)) continue;
    // a package of this workspace (an npm/yarn/pnpm workspace member, the Python project itself)
    if (isLocalModule(n.ecosystem === 'python' ? normalizePython(n.name) : n.name, ws)) continue;
    ctx.report({ messageId: 'unknown', data: { name: n.name, command: n.command, registry: n.ecosystem === 'python' ? 'PyPI' : 'npm' }, start: n.start, end: n.end });
  }
}

export default defineRule({
  meta: {
    id: 'unknown-package-install',
    name: 'UnknownPackageInstall',
    shortDescription: 'An install command names a package that is neither among the well-known packages nor declared in the workspace manifests.',
    fullDescription: 'Language models recommend packages that do not exist, and attackers register those invented names ("slopsquatting") once they see them suggested. An install command in a notebook, a script or agent instructions for a name that no manifest declares and that is not among the most downloaded packages deserves a look at its registry page, publisher and age before anyone runs it. This audit rule is opt-in: many legitimate niche packages are also unknown to the bundled list.',
    views: ['python', 'js', 'data', 'text'],
    severity: 'info',
    confidence: 'low',
    optIn: true,
    owasp: ['LLM03', 'LLM09'],
    cwe: [1357, 829],
    frameworks: { nistAiRmf: ['GOVERN 6.1', 'MAP 4.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3'] },
    fix: 'none',
    messages: {
      unknown: '`{{command}} {{name}}`: `{{name}}` is not among the well-known {{registry}} packages nor declared in the workspace; check that it exists and who publishes it (it may be a hallucinated name).',
    },
  },
  check: {
    python(ctx) { report(ctx, installSites.python(ctx.view)); },
    js(ctx) { report(ctx, installSites.js(ctx.view)); },
    data(ctx) { report(ctx, installSites.data(ctx.view)); },
    text(ctx) { report(ctx, installSites.text(ctx.view, ctx.kind)); },
  },
});
