import { defineRule } from '../../../server/src/engine/rule';
import { isProjectOwnUrl } from '../../../server/src/analyzers/prompt/projectHosts';
import { DESCRIPTION_BEFORE, NEGATION_BEFORE, describedRanges, forEachPhraseMatch, overlapsAny, sentenceBefore } from '../../../server/src/analyzers/prompt/directives';

/**
 * Instructions that make an agent download a script and run it unseen: `curl ... | sh`, `wget -O- ... | bash`,
 * `bash <(curl ...)`, `sh -c "$(curl ...)"`, PowerShell `iwr ... | iex`, and base64 blobs decoded into a shell.
 * One line at a time, bounded repetition only.
 */
type Kind = 'pipe' | 'obfuscated';
const SHELLS = String.raw`(?:sudo\s+(?:-[A-Za-z]+\s+)*)?(?:[A-Z_][A-Z0-9_]*=\S*\s+){0,3}(?:bash|sh|zsh|dash|ksh|fish|python[23]?|perl|ruby|node)\b`;
const PATTERNS: { kind: Kind; re: RegExp }[] = [
  // curl -fsSL https://x/install.sh | bash ; wget -qO- https://x | sudo sh -s -- -y
  { kind: 'pipe', re: new RegExp(String.raw`\b(?:curl|wget)\b[^|\n\`]{1,300}\|\s*${SHELLS}`, 'gi') },
  // bash <(curl -s https://x) ; sh -c "$(curl -fsSL https://x)" ; source <(wget -qO- https://x)
  { kind: 'pipe', re: /\b(?:bash|sh|zsh|source)\s+(?:-c\s+)?(?:<\(|["']?\$\()\s*(?:curl|wget)\b[^)\n]{1,300}\)/gi },
  // iwr https://x/install.ps1 | iex ; irm https://x | Invoke-Expression
  { kind: 'pipe', re: /\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|curl|wget)\b[^|\n`]{1,300}\|\s*(?:iex|invoke-expression)\b/gi },
  // iex (irm https://x) ; iex ((New-Object Net.WebClient).DownloadString('https://x'))
  { kind: 'pipe', re: /\b(?:iex|invoke-expression)\s*[( ]\s*\(*\s*(?:iwr|irm|invoke-webrequest|invoke-restmethod|new-object\s+(?:system\.)?net\.webclient\)?\s*\.\s*downloadstring)\b[^\n]{0,300}?\)/gi },
  // echo <base64> | base64 -d | bash
  { kind: 'obfuscated', re: new RegExp(String.raw`\b(?:echo|printf)\s+(?:-n\s+)?["']?[A-Za-z0-9+/=]{16,}["']?\s*\|\s*base64\s+(?:-d|--decode|-D)\b[^|\n]{0,20}\|\s*${SHELLS}`, 'gi') },
];

/**
 * Official installers of mainstream toolchains, fetched over https from the vendor's own host: the documented
 * way to install them, not a script a stranger controls.
 */
const OFFICIAL_INSTALLERS = /^https:\/\/(?:sh\.rustup\.rs|static\.rust-lang\.org\/rustup|astral\.sh\/(?:uv|ruff)\/|bun\.sh\/install|deno\.land\/install|get\.pnpm\.io\/install|install\.python-poetry\.org|raw\.githubusercontent\.com\/(?:nvm-sh\/nvm|Homebrew\/install|pyenv\/pyenv-installer)\/|fnm\.vercel\.app\/install|get\.volta\.sh|get\.docker\.com|ollama\.com\/install\.sh|pixi\.sh\/install|mise\.run|starship\.rs\/install|sdk\.cloud\.google\.com|cli\.github\.com|claude\.ai\/install\.sh|antigravity\.google\/cli\/install\.(?:sh|ps1)\b|foundry\.paradigm\.xyz|tailscale\.com\/install\.sh)/i;

/** Words right before the command that make it a description ("flag commands like", "never run"). */
const FLAG_BEFORE = /\b(?:like|flag|flags|detect|detects|report|reports|block|blocks|reject|rejects|refuse|warn|warns|catch|catches|e\.g|such\s+as|instead\s+of|rather\s+than|pattern)\b[^.]{0,60}$/i;

export default defineRule({
  meta: {
    id: 'remote-script-piped-to-shell',
    name: 'RemoteScriptPipedToShell',
    shortDescription: 'An agent instruction file or prompt tells the agent to pipe a downloaded script into a shell (curl | sh, iwr | iex).',
    fullDescription: 'Skills, rules files and commands (SKILL.md, AGENTS.md, .cursor/rules, .claude/commands) are followed by coding agents with the developer\'s permissions. A step such as `curl -fsSL https://host/install.sh | bash` makes the agent run whatever that host serves at that moment, unseen, unpinned and unreviewed: the favourite payload of poisoned skills and rules files, and an open door if the host or the link is ever taken over. Base64 blobs decoded into a shell hide the command altogether.',
    views: ['prompt'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM03', 'LLM06'],
    cwe: [494, 829],
    frameworks: { nistAiRmf: ['MAP 4.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.6.2.4'] },
    fix: 'none',
    messages: {
      pipe: '`{{phrase}}` makes the agent run a script downloaded from {{host}} without reading or pinning it: download it, check its checksum or signature, then run the reviewed file (or use a package manager).',
      obfuscated: '`{{phrase}}` decodes a hidden command and runs it in a shell: nobody reviewing this file can see what the agent will execute.',
    },
  },
  check: {
    prompt(ctx) {
      const described = describedRanges(ctx.view);
      forEachPhraseMatch(ctx.view, PATTERNS, ({ pattern: p, match: m, line, start, end }) => {
        if (overlapsAny(described, start, end)) return false;
        const before = sentenceBefore(line, m.index).replace(/`+\s*$/, '');
        // a negation governs the clause the command is in ("never run ..."), not an earlier one ("if X is not found, run ...")
        const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(':')) + 1);
        if (NEGATION_BEFORE.test(clause) || DESCRIPTION_BEFORE.test(before) || FLAG_BEFORE.test(before)) return false;
        const url = /\b(?:https?|ftp):\/\/[^\s"'`)|]+/i.exec(m[0])?.[0];
        if (p.kind === 'pipe' && url && OFFICIAL_INSTALLERS.test(url)) return false;
        // the project's own installer, from its own host (the homepage or repository of the package.json above
        // this file): a vendor's skill installing the vendor's tool, trusted as much as the package itself
        if (p.kind === 'pipe' && url && isProjectOwnUrl(url, ctx.workspace?.projectUrls)) return false;
        const host = url ? `\`${url.replace(/^\w+:\/\//, '').split(/[/?#]/)[0]}\`` : 'a remote host';
        ctx.report({ messageId: p.kind, data: { phrase: m[0].replace(/\s+/g, ' ').slice(0, 100), host }, start, end });
        return true;
      });
    },
  },
});
