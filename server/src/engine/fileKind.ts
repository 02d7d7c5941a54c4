import type { FileKind } from './model';

const PROMPT_FILE_NAMES = new Set([
  'agents.md', 'claude.md', 'gemini.md', '.cursorrules', '.windsurfrules', '.clinerules',
  'copilot-instructions.md', 'system-prompt.md', 'system_prompt.md', 'system.md',
]);
const PROMPT_EXTENSIONS = ['.prompty', '.prompt', '.jinja', '.jinja2', '.j2', '.mustache', '.hbs', '.handlebars', '.mdc'];
const PROMPT_SUFFIXES = ['.prompt.md', '.instructions.md', '.chatmode.md', '.agent.md', '.prompt.txt', '.prompt.yaml', '.prompt.yml', '.prompt.json'];

const LANGUAGE_KINDS: Record<string, FileKind> = {
  python: 'python',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'typescript',
  prompt: 'prompt',
  instructions: 'prompt',
  chatmode: 'prompt',
  jinja: 'prompt',
  handlebars: 'prompt',
  json: 'data',
  jsonc: 'data',
  yaml: 'data',
};

/**
 * Agent instruction files: read verbatim by coding agents (Claude Code, Codex, Cursor, Windsurf, Cline,
 * Copilot, Gemini CLI, Antigravity) as standing instructions, skills, commands or sub-agents.
 * `SKILL.md` / `*.skill.md`, `AGENTS.md`, `CLAUDE.md` (and `CLAUDE.local.md`), `GEMINI.md`,
 * `.github/copilot-instructions.md`, `.github/instructions/*.instructions.md`, `.cursor/rules/*.mdc`,
 * `.windsurf/rules/*.md`, `.clinerules` (a file or a folder of them), `.agent/rules/*.md`, anything
 * markdown under `.agents/`, Claude Code `.claude/commands/**.md`, `.claude/agents/*.md` and `.claude/skills/`.
 */
export function isAgentInstructionPath(path: string): boolean {
  const lower = '/' + path.replace(/\\/g, '/').toLowerCase().replace(/^\.?\//, '');
  const name = baseName(lower);
  if (/^(agents|claude|claude\.local|gemini)\.md$|^\.(cursorrules|windsurfrules|clinerules)$|^copilot-instructions\.md$/.test(name)) return true;
  if (name === 'skill.md' || name.endsWith('.skill.md')) return true;
  if (/\.(instructions|chatmode|agent)\.md$/.test(name) || name.endsWith('.mdc')) return true;
  if (!/\.(md|mdc|txt)$/.test(name) && !/\/\.clinerules\/[^/.]+$/.test(lower)) return false;
  return /\/\.(agent|cursor|windsurf)\/rules\/|\/\.agents\/|\/\.clinerules\/|\/\.claude\/(commands|agents|skills)\/|\/\.github\/instructions\//.test(lower);
}

function baseName(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * Decide what a file is from its path (and the editor's language id, when known).
 * Returns undefined for files AISec does not analyse.
 */
export function detectFileKind(path: string, languageId?: string): FileKind | undefined {
  const name = baseName(path);
  const lower = path.replace(/\\/g, '/').toLowerCase();
  if (PROMPT_FILE_NAMES.has(name) || isAgentInstructionPath(path)) return 'prompt';
  if (PROMPT_SUFFIXES.some((s) => name.endsWith(s))) return name.endsWith('.json') || name.endsWith('.yaml') || name.endsWith('.yml') ? 'data' : 'prompt';
  if (name.endsWith('.ipynb')) return 'notebook';
  if (/\.(py|pyi|pyw)$/.test(name)) return 'python';
  if (/\.(ts|mts|cts|tsx)$/.test(name)) return /\.d\.(ts|mts|cts)$/.test(name) ? undefined : 'typescript';
  if (/\.(js|mjs|cjs|jsx)$/.test(name)) return name.endsWith('.min.js') ? undefined : 'javascript';
  if (PROMPT_EXTENSIONS.some((e) => name.endsWith(e))) return isConfigTemplate(name) ? undefined : 'prompt';
  if (/\.(json|jsonc|json5|yaml|yml)$/.test(name)) {
    // AISec's own config and rule packs are configuration, not agent data (their regexes would match themselves)
    if (IGNORED_DATA_FILES.has(name) || /(^|\.)aisec-pack\.(json|ya?ml)$/.test(name)) return undefined;
    return 'data';
  }
  if (name.endsWith('.md') || name.endsWith('.txt')) {
    // system prompts and agent instructions kept as markdown / text: by folder or by an explicit name,
    // not any document that merely mentions prompts (docs/prompt-engineering.md is prose)
    if (/(^|\/)(prompts|system[-_]?prompts|instructions|\.github\/prompts|\.github\/instructions)\//.test(lower)) return 'prompt';
    if (/(^|[-_.])(system[-_]?prompt|prompt|system|instructions)\.(md|txt)$/.test(name) && !/(^|[-_.])(readme|changelog|license)/.test(name)) return 'prompt';
    if (languageId && LANGUAGE_KINDS[languageId] === 'prompt') return 'prompt';
    return undefined;
  }
  if (languageId && LANGUAGE_KINDS[languageId]) return LANGUAGE_KINDS[languageId];
  return undefined;
}

/** Data files that are never prompts or tool definitions and are often huge. */
const IGNORED_DATA_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'composer.lock',
  'tsconfig.json', 'jsconfig.json', '.eslintrc.json', 'babel.config.json', 'lerna.json', 'turbo.json',
  'renovate.json', '.prettierrc.json', '.aisec.yaml', '.aisec.yml', '.aisec.json', 'tslint.json', 'pipfile.lock', 'poetry.lock', 'deno.lock',
]);

export function fileBaseName(path: string): string {
  return baseName(path);
}

/**
 * Jinja is also the template language of configuration management (Ansible, Salt): `nginx.conf.j2`,
 * `values.yml.j2`, `Makefile.j2` render config files, not prompts.
 */
function isConfigTemplate(name: string): boolean {
  const m = /^(.*)\.(j2|jinja2?)$/.exec(name);
  if (!m) return false;
  const stem = m[1];
  if (/^(makefile|dockerfile|jenkinsfile|vagrantfile|gemfile|procfile|hosts|inventory|crontab)$/.test(stem)) return true;
  return /\.(ya?ml|conf|cfg|ini|cnf|sh|bash|json|xml|toml|env|properties|service|socket|timer|repo|list|py|rb|pl|ps1|tf|hcl|sql|csv|js|ts|css|rules|pem|key|crt)$/.test(stem);
}
