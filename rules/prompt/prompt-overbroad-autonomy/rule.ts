import { defineRule } from '../../../server/src/engine/rule';
import type { PromptView } from '../../../server/src/engine/views';
import hiddenInstructionDirective from '../hidden-instruction-directive/rule';
import { DESCRIPTION_BEFORE, NEGATION_BEFORE, describedRanges, forEachPhraseMatch, overlapsAny, rangesReportedBy, sentenceAfter, sentenceBefore } from '../../../server/src/analyzers/prompt/directives';

/**
 * Instructions that hand an agent unbounded agency: no confirmation, any command, root, force push,
 * permission-bypass flags. One line at a time, bounded repetition only.
 */
type Kind = 'noConfirm' | 'anyCommand' | 'autoApprove' | 'fullAccess' | 'sudo' | 'forcePush' | 'skipPermissions' | 'allowedTools';
interface Pattern { kind: Kind; re: RegExp; /** flags in code: a backtick before them is not a quote */ code?: boolean }

const WHO = String.raw`(?:(?:the|a|an|any)\s+(?:[\w-]+\s+)?(?:user|human|developer|operator|maintainer|reviewer|owner|admin|engineer|team)s?\s+|me\s+|us\s+|anyone\s+|anybody\s+)?`;
const ASKING = String.raw`(?:ask(?:ing)?|prompt(?:ing)?|check(?:ing)?\s+(?:in\s+)?with|wait(?:ing)?\s+for|request(?:ing)?|seek(?:ing)?|get(?:ting)?)`;
const CONSENT = String.raw`(?:confirmation|permission|approval|consent|sign-?off|a\s+go-ahead)`;
const ACTION = String.raw`(?:run|running|execute|executing|delete|deleting|remove|removing|push|pushing|deploy|deploying|commit|committing|merge|merging|install|installing|apply|applying|drop|dropping|overwrite|overwriting|modify|modifying|rewrite|rewriting|migrate|migrating|publish|publishing|rm)`;

const PATTERNS: Pattern[] = [
  // "never ask for confirmation", "don't ask the user for permission", "no need to wait for approval"
  { kind: 'noConfirm', re: new RegExp(String.raw`\b(?:never|do\s+not|don'?t|no\s+need\s+to|there\s+is\s+no\s+need\s+to|you\s+do\s+not\s+need\s+to|you\s+don'?t\s+need\s+to|stop)\s+${ASKING}\s+${WHO}(?:for\s+)?${CONSENT}\b`, 'gi') },
  // "do not ask the user before deleting", "never check with me first"
  { kind: 'noConfirm', re: new RegExp(String.raw`\b(?:never|do\s+not|don'?t|no\s+need\s+to)\s+(?:ask|check\s+with|consult|confirm\s+with|bother)\s+(?:the\s+user|the\s+human|me|us|anyone)\s+(?:first\b|before\s+${ACTION}\b)`, 'gi') },
  // "execute commands without asking", "push without confirmation"
  { kind: 'noConfirm', re: new RegExp(String.raw`\b${ACTION}\b[^.;\n]{0,60}?\bwithout\s+(?:asking|confirmation|confirming|approval|permission|prompting|checking\s+(?:in\s+)?(?:with\s+(?:me|us|anyone)|first))\b`, 'gi') },
  // "you may run any command", "feel free to execute arbitrary shell commands"
  { kind: 'anyCommand', re: /\b(?:run|execute|use)\s+(?:any|all|every|arbitrary|whatever)\s+(?:shell\s+|terminal\s+|bash\s+|system\s+|cli\s+|console\s+)?(?:commands?|programs?|scripts?|binaries|executables?)\b(?!\s+(?:from|in|on|listed|below|above|under|that\s+(?:is|are)\s+(?:listed|allowed|approved|allowlisted))\b)(?:\s+you\s+(?:want|need|like|see\s+fit))?/gi },
  // "auto-approve all tool calls", "YOLO mode"
  { kind: 'autoApprove', re: /\bauto[- ]?(?:approve|approves|approved|approval|accept|accepts|confirm)\b(?:\s+(?:all|every|any|everything)(?:\s+(?:tool\s+calls?|commands?|actions?|changes?|edits?|requests?))?)?|\byolo\s+mode\b|\bapprove\s+(?:all|every|any)\s+(?:tool\s+calls?|commands?|actions?|changes?|edits?|requests?)\s+automatically\b|\bautomatically\s+(?:approve|accept|confirm)\s+(?:all|every|any)\b/gi },
  // "you have full access to the production database", "you have root access"
  { kind: 'fullAccess', re: /\byou\s+(?:have|are\s+given|are\s+granted|get)\s+(?:full|unrestricted|unlimited|complete|unfettered|total|god[- ]mode)\s+(?:access|control|permissions?|privileges?|rights)\s+(?:to|on|over)\s+(?:the\s+|our\s+|this\s+|my\s+|all\s+|any\s+|every\s+)?(?:[\w-]+\s+){0,2}?(?:system|systems|machine|machines|servers?|production|prod|databases?|infrastructure|clusters?|(?:cloud\s+|aws\s+|gcp\s+|azure\s+)?accounts?|environments?|filesystem|file\s*system|computer|host|network|shell|terminal|internet)\b/gi },
  { kind: 'fullAccess', re: /\byou\s+(?:have|are\s+given|are\s+granted|run\s+with|are\s+running\s+with)\s+(?:root|sudo|administrator|admin|superuser)\s+(?:access|privileges?|rights|permissions?)\b|\byou\s+are\s+(?:running\s+as\s+)?root\b/gi },
  // "use sudo freely", "run with sudo if needed", "sudo is allowed"
  { kind: 'sudo', re: /\b(?:use|run|using|prefix\s+(?:commands?\s+)?with|feel\s+free\s+to\s+use)\s+(?:\w+\s+){0,2}?sudo\b[^.;\n]{0,30}?\b(?:freely|whenever|as\s+needed|if\s+(?:needed|necessary|required)|when(?:ever)?\s+(?:it\s+is\s+|it'?s\s+)?(?:needed|necessary|required|you\s+(?:need|want|like))|liberally|without\s+(?:asking|hesitation|confirmation|permission))\b|\bsudo\s+(?:is|are)\s+(?:allowed|permitted|fine|ok(?:ay)?)\b|\bpasswordless\s+sudo\b/gi },
  // "force push if needed", "feel free to git push --force"
  { kind: 'forcePush', re: /\b(?:force[- ]push(?:es|ing)?|git\s+push\s+(?:--force(?!-with-lease)|-f)\b)[^.;\n]{0,40}?\b(?:if|when(?:ever)?|as)\s+(?:needed|necessary|required|it\s+fails|(?:the\s+)?push\s+(?:fails|is\s+rejected)|rejected|you\s+(?:need|want|like))\b|\b(?:feel\s+free\s+to|you\s+(?:may|can)|it'?s\s+(?:ok|okay|fine)\s+to|it\s+is\s+(?:ok|okay|fine)\s+to)\s+(?:force[- ]push|git\s+push\s+(?:--force(?!-with-lease)|-f)\b)/gi },
  // permission-bypass switches of coding agents (Claude Code, Codex CLI, Gemini CLI)
  { kind: 'skipPermissions', re: /--dangerously-skip-permissions\b|--dangerously-bypass-approvals-and-sandbox\b|--permission-mode[ =]bypassPermissions\b|(?<![\w-])--yolo\b/g, code: true },
];

/** After the phrase: the permission is scoped ("unless it is destructive", "for read-only commands"). */
const BOUNDED_AFTER = /^[^.;]{0,100}?\b(?:unless|except|other\s+than|apart\s+from|but\s+(?:always|never|do\s+not|don'?t)|only\s+(?:for|when|if|in)|read-only|non-destructive|safe\s+(?:commands?|operations?)|(?:to|when|for|before)\s+(?:run(?:ning)?|us(?:e|ing)|call(?:ing)?)\s+`|(?:to|when|for|before)\s+(?:read|reading|view|viewing|list|listing|search|searching|format|formatting|lint|linting|run(?:ning)?\s+(?:the\s+)?(?:unit\s+)?(?:tests?|linters?|formatters?|type[- ]?checks?)))\b/i;
/** Before an auto-approve mention: what is auto-approved only reads. */
const READ_ONLY_SUBJECT = /\b(?:read-?only|read\s+only|non-destructive|side-effect-free|safe\s+(?:commands?|operations?|tools?)|(?:read|query|lookup|search)\s+(?:tools?|operations?|commands?))\b[^,;:.]{0,30}$/i;
/** After an auto-approve mention: it is being switched off or forbidden. */
const OFF_AFTER = /^\s*(?:mode\s+)?(?:is|are|must\s+be|should\s+be|stays?|remains?)\s+(?:disabled|off|forbidden|prohibited|not\s+(?:allowed|permitted|used|enabled))\b/i;

/** "do not X without asking": a prohibition, which requires the confirmation. */
const PROHIBITION = /\b(?:do\s+not|don'?t|never|must\s+not|mustn'?t|should\s+not|shouldn'?t|may\s+not)\b/i;

/** Objects that scope "run X without asking" to harmless work ("run the tests without asking"). */
const SAFE_OBJECT = /\b(?:tests?|test\s+suites?|specs?|linters?|lint|formatters?|prettier|type[- ]?checks?|tsc|these|those|them|read-only|git\s+(?:status|diff|log|show))\b/i;

/** Front matter keys that pre-approve tools (Claude Code skills and slash commands: `allowed-tools`). */
const ALLOWED_TOOLS_KEYS = new Set(['allowed-tools', 'allowed_tools', 'allowedtools']);
/** A shell tool with no command scope: `Bash`, `Bash(*)`, `Bash(*:*)`, `Bash(:*)`, `Shell(*)`, `run_shell_command`. */
const UNSCOPED_SHELL = /^(?:bash|shell|powershell|run_shell_command|terminal)(?:\(\s*\*?\s*(?::\s*\*\s*)?\))?$/i;

/** Items of an `allowed-tools` front matter entry that allow any shell command, with their offsets. */
function unscopedShellTools(view: PromptView): { kind: Kind; text: string; start: number; end: number }[] {
  const out: { kind: Kind; text: string; start: number; end: number }[] = [];
  const fm = view.frontMatter;
  if (!fm?.properties) return out;
  for (const p of fm.properties) {
    // Claude Code sub-agents: `permissionMode: bypassPermissions` runs every tool without a prompt
    if (/^permission[-_]?mode$/i.test(p.key) && typeof p.value.value === 'string' && /^bypassPermissions$/i.test(p.value.value)) {
      out.push({ kind: 'skipPermissions', text: `${p.key}: ${p.value.value}`, start: p.keyStart, end: p.value.end });
      continue;
    }
    if (!ALLOWED_TOOLS_KEYS.has(p.key.toLowerCase())) continue;
    const scalars = p.value.items ? p.value.items : [p.value];
    for (const n of scalars) {
      if (typeof n.value !== 'string') continue;
      const from = n.contentStart ?? n.start;
      const raw = view.text.slice(from, n.end);
      // `Bash(git add:*), Read, Bash(*)`: split on commas / spaces outside parentheses
      const re = /[^\s,()]+(?:\([^()]*\))?/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(raw))) {
        const item = m[0].replace(/^["']|["']$/g, '');
        if (UNSCOPED_SHELL.test(item)) out.push({ kind: 'allowedTools', text: item, start: from + m.index, end: from + m.index + m[0].length });
      }
    }
  }
  return out;
}

/** Words of a consequential action in a condition ("when deleting", "if the change touches production"). */
const CONSEQUENTIAL = new RegExp(String.raw`\b(?:${ACTION}|writ(?:e|es|ing)|send(?:s|ing)?|pay(?:s|ing|ments?)?|purchas\w*|transfer\w*|destructive|irreversible|production|prod|credentials?|secrets?|files?|database|commands?|shell|sudo|root)\b`, 'i');

/**
 * "Do NOT ask for confirmation when:" followed by a list, or "... when the question is simple": the waiver
 * is scoped by its condition. It hands over no agency when the condition (the rest of the sentence, and the
 * list a trailing colon introduces) names no consequential action: a rule about clarifying questions.
 */
function scopedByHarmlessCondition(text: string, end: number): boolean {
  const eol = text.indexOf('\n', end);
  const rest = text.slice(end, eol < 0 ? text.length : eol);
  const cond = /^\s*(?:only\s+)?(?:when|if|for)\b([^.;!?:]*)([.;!?:]?)/i.exec(rest);
  if (!cond) return false;
  let scope = cond[1];
  if (cond[2] === ':' && /^\s*$/.test(rest.slice(cond[0].length))) {
    // the list under the colon, up to the first line that is not an item
    const lines = text.slice(eol < 0 ? text.length : eol + 1).split('\n');
    const items: string[] = [];
    for (const l of lines) {
      if (!/^\s*(?:[-*+]|\d+[.)])\s+\S/.test(l)) break;
      items.push(l);
      if (items.length > 20) return false;
    }
    if (!items.length) return false;
    scope += `\n${items.join('\n')}`;
  }
  return !CONSEQUENTIAL.test(scope);
}

function isGuarded(line: string, start: number, end: number, p: Pattern): boolean {
  if (p.kind === 'noConfirm' && /\bwithout\b/i.test(line.slice(start, end))) {
    const object = line.slice(start, end).replace(/\bwithout\b[\s\S]*$/i, '');
    if (SAFE_OBJECT.test(object)) return true;
    // "install ... (do not add dependencies without asking)": a prohibition between the action and "without"
    // makes asking the rule, not its waiver
    if (PROHIBITION.test(object)) return true;
  }
  const before = sentenceBefore(line, start);
  if (p.code) {
    if (NEGATION_BEFORE.test(before) || /\b(?:such\s+as|e\.g|for\s+example|like)\b/i.test(before)) return true;
  } else {
    // the noConfirm phrases carry their own negation ("never ask"): only what precedes them counts
    if (NEGATION_BEFORE.test(before) || DESCRIPTION_BEFORE.test(before)) return true;
  }
  const after = sentenceAfter(line, end);
  if (p.kind === 'autoApprove' && OFF_AFTER.test(after)) return true;
  // "Read-only tools are auto-approved", "- **Read-only** (auto-approved): `git_status`": the subject scopes it
  if (p.kind === 'autoApprove' && READ_ONLY_SUBJECT.test(before)) return true;
  if (p.kind !== 'skipPermissions' && p.kind !== 'fullAccess' && BOUNDED_AFTER.test(after)) return true;
  return false;
}

export default defineRule({
  meta: {
    id: 'prompt-overbroad-autonomy',
    name: 'PromptOverbroadAutonomy',
    shortDescription: 'A prompt or agent instruction file grants the model unbounded agency: never ask for confirmation, run any command, use sudo, force push, skip permissions.',
    fullDescription: 'Instructions such as "never ask for confirmation", "you may run any command", "you have full access to production", "use sudo freely" or "run claude --dangerously-skip-permissions" remove the human checkpoint between a model\'s decision and an irreversible action. A single prompt injection (a README, an issue, a web page the agent reads) or a plain model mistake then deletes data, pushes over history or changes production with nobody asked. Agency should be scoped: list the commands that may run unattended and require confirmation for everything destructive.',
    views: ['prompt'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06'],
    cwe: [250, 862],
    frameworks: { nistAiRmf: ['GOVERN 1.4', 'MANAGE 2.4', 'MAP 3.5'], euAiAct: ['Art. 14', 'Art. 15'], iso42001: ['A.6.2.4', 'A.9.2'] },
    fix: 'none',
    messages: {
      noConfirm: '"{{phrase}}" removes the human confirmation step: require confirmation for destructive or irreversible actions.',
      anyCommand: '"{{phrase}}" lets the agent run arbitrary commands: list the commands it may run and ask for anything else.',
      autoApprove: '"{{phrase}}" tells the agent to approve its own actions: keep a human approval for tools that write, delete or send.',
      fullAccess: '"{{phrase}}" grants the agent unbounded access: scope its credentials and tell it what it may touch, not that everything is allowed.',
      sudo: '"{{phrase}}" invites the agent to escalate privileges: run it without sudo and ask before anything that needs root.',
      forcePush: '"{{phrase}}" lets the agent rewrite shared history: forbid force pushes (or use --force-with-lease after asking).',
      skipPermissions: '"{{phrase}}" turns off the agent\'s permission prompts: run it with an allowlist of tools instead.',
      allowedTools: '`{{phrase}}` in the front matter pre-approves every shell command while this skill or command runs: list the exact commands it needs (`Bash(git status:*)`, `Bash(npm test:*)`).',
    },
  },
  check: {
    prompt(ctx) {
      const view = ctx.view;
      // characters hidden-instruction-directive already reports ("without asking the user") are left to it
      const owned = rangesReportedBy(hiddenInstructionDirective.check.prompt, view, ctx.path, ctx.kind);
      const described = view.format === 'instructions' || view.format === 'text' ? describedRanges(view) : [];
      for (const t of unscopedShellTools(view)) ctx.report({ messageId: t.kind, data: { phrase: t.text }, start: t.start, end: t.end });
      const shellBlocks = shellCodeBlocks(view.text);
      forEachPhraseMatch(view, PATTERNS, ({ pattern: p, match: m, line, start, end }) => {
        if (overlapsAny(owned, start, end) || overlapsAny(described, start, end)) return false;
        // `tool export-claude   # Export auto-approval config` in a ```bash block documents a command; flags
        // (`--dangerously-skip-permissions`) in the command itself are still read
        if (!p.code && overlapsAny(shellBlocks, start, end)) return false;
        if (isGuarded(line, m.index, m.index + m[0].length, p)) return false;
        if (p.kind === 'noConfirm' && scopedByHarmlessCondition(view.text, end)) return false;
        ctx.report({ messageId: p.kind, data: { phrase: m[0].replace(/\s+/g, ' ').slice(0, 100) }, start, end });
        return true;
      });
    },
  },
});

/** [start, end) of the fenced code blocks tagged as shell sessions (bash, sh, shell, zsh, console, powershell). */
function shellCodeBlocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const fence = /^([ \t]{0,3})(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*$/gm;
  let open: { marker: string; shell: boolean; start: number } | undefined;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text))) {
    if (!open) open = { marker: m[2], shell: /^(bash|sh|shell|zsh|console|shell-session|powershell|pwsh|cmd|bat)$/i.test(m[3]), start: m.index + m[0].length };
    else if (m[2][0] === open.marker[0] && m[2].length >= open.marker.length && !m[3]) {
      if (open.shell) out.push([open.start, m.index]);
      open = undefined;
    }
  }
  return out;
}
