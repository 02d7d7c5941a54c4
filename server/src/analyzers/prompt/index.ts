/**
 * Prompt templates and agent instructions into PromptViews: role sections plus template variables.
 * Formats: .prompty (YAML front matter + Jinja body with `system:` lines), dotprompt .prompt
 * (front matter + Handlebars with `{{role "system"}}`), Jinja / Mustache / Handlebars files, markdown
 * instructions (AGENTS.md, *.instructions.md, .cursorrules, ...) and prompts embedded in YAML/JSON data.
 * Never throws: broken input yields whatever could be recognised.
 */
import type { AnalysisError } from '../../engine/model';
import type { DataNode, DataView, PromptRole, PromptView } from '../../engine/views';
import { fileBaseName, isAgentInstructionPath } from '../../engine/fileKind';
import { analyzeData } from '../data';
import { promptsFromDataView } from './dataPrompts';
import { lineRoleMarkers, scanCurlyVariables, sectionsFromMarkers, tagRoleMarkers, templateVariablesIn } from './templates';

export { classifyVariableName, isUntrustedVariableName } from './variableNames';

/** Above this size only the first part of a file is scanned for sections and variables. */
const MAX_SCAN = 1_000_000;
const MAX_FRONT_MATTER = 64 * 1024;

const AGENT_INSTRUCTION_FILES = new Set(['agents.md', 'claude.md', 'gemini.md', '.cursorrules', '.windsurfrules', '.clinerules', 'copilot-instructions.md']);

export function analyzePrompt(path: string, text: string): { views: PromptView[]; errors: AnalysisError[] } {
  try {
    return analyzePromptUnsafe(path, text);
  } catch (e) {
    return {
      views: [{ text, format: 'text', sections: [{ role: 'unknown', start: 0, end: text.length }], variables: [] }],
      errors: [{ kind: 'parse', message: `prompt analyzer: ${(e as Error).message}` }],
    };
  }
}

export function promptsFromData(data: DataView): PromptView[] {
  try {
    return promptsFromDataView(data);
  } catch {
    return [];
  }
}

type Format = PromptView['format'];

function formatOf(name: string): Format {
  if (name.endsWith('.prompty')) return 'prompty';
  if (name.endsWith('.prompt')) return 'dotprompt';
  if (/\.(jinja2?|j2)$/.test(name)) return 'jinja';
  if (name.endsWith('.mustache')) return 'mustache';
  if (/\.(hbs|handlebars)$/.test(name)) return 'handlebars';
  if (name.endsWith('.txt') && !name.endsWith('.prompt.txt')) return 'text';
  return 'instructions';
}

/** Role of a file's body when it has no role markers. */
function defaultRole(name: string, format: Format): PromptRole {
  if (/system/.test(name)) return 'system';
  if (/developer/.test(name)) return 'developer';
  if (format === 'prompty') return 'system'; // prompty: text before the first role line is the system message
  if (format === 'dotprompt') return 'user'; // dotprompt: no role marker means one user message
  if (name.endsWith('.prompt.md') || name.endsWith('.prompt.txt')) return 'user';
  if (/user/.test(name)) return 'user';
  if (format === 'instructions' || format === 'text') return 'system';
  return 'unknown';
}

function analyzePromptUnsafe(path: string, text: string): { views: PromptView[]; errors: AnalysisError[] } {
  const name = fileBaseName(path);
  const format = formatOf(name);
  const errors: AnalysisError[] = [];
  const view: PromptView = { text, format, sections: [], variables: [] };

  // front matter
  let bodyStart = 0;
  const fm = findFrontMatter(text);
  if (fm) {
    view.frontMatterRange = { start: fm.start, end: fm.end };
    bodyStart = fm.bodyStart;
    if (fm.end - fm.start <= MAX_FRONT_MATTER) {
      const parsed = analyzeData('front-matter.yaml', text.slice(fm.start, fm.end));
      for (const e of parsed.errors) errors.push({ ...e, message: `front matter: ${e.message}`, start: e.start !== undefined ? e.start + fm.start : undefined, end: e.end !== undefined ? e.end + fm.start : undefined });
      const root = parsed.view?.roots[0];
      if (root) view.frontMatter = shiftNode(root, fm.start, undefined);
    }
  }
  const scanEnd = Math.min(text.length, bodyStart + MAX_SCAN);
  const lead = defaultRole(name, format);
  const isAgentFile = AGENT_INSTRUCTION_FILES.has(name) || isAgentInstructionPath(path);

  // sections
  let markers = [] as ReturnType<typeof tagRoleMarkers>;
  if (format === 'prompty') markers = lineRoleMarkers(text, bodyStart, scanEnd);
  else if (format === 'dotprompt') markers = tagRoleMarkers(text, bodyStart, scanEnd);
  else if (format === 'jinja' || format === 'mustache' || format === 'handlebars' || format === 'text') {
    markers = tagRoleMarkers(text, bodyStart, scanEnd);
    if (markers.length === 0) markers = lineRoleMarkers(text, bodyStart, scanEnd);
  }
  view.sections = sectionsFromMarkers(markers, bodyStart, text.length, lead, text);
  if (view.sections.length === 0) view.sections = [{ role: lead, start: bodyStart, end: text.length }];

  // variables
  switch (format) {
    case 'prompty':
    case 'jinja':
      view.variables = scanCurlyVariables(text, bodyStart, scanEnd, 'jinja', view.sections);
      break;
    case 'dotprompt':
      view.variables = scanCurlyVariables(text, bodyStart, scanEnd, 'dotprompt', view.sections);
      break;
    case 'mustache':
      view.variables = scanCurlyVariables(text, bodyStart, scanEnd, 'mustache', view.sections);
      break;
    case 'handlebars':
      view.variables = scanCurlyVariables(text, bodyStart, scanEnd, 'handlebars', view.sections);
      break;
    default:
      // agent instruction files are read verbatim by agents: `{{x}}` there is prose or code, not a slot
      if (!isAgentFile && !name.endsWith('.prompt.md')) view.variables = templateVariablesIn(text, bodyStart, scanEnd, view.sections);
  }
  return { views: [view], errors };
}

/** `---` on the first line (after an optional BOM) up to the next `---` (or `...`) line. */
export function findFrontMatter(text: string): { start: number; end: number; bodyStart: number } | undefined {
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', p)) return undefined;
  p += 3;
  while (text[p] === ' ' || text[p] === '\t') p++;
  if (text[p] === '\r') p++;
  if (text[p] !== '\n') return undefined;
  const start = p + 1;
  const re = /^(?:---|\.\.\.)[ \t]*$/gm;
  re.lastIndex = start;
  const m = re.exec(text.length > start + MAX_FRONT_MATTER * 4 ? text.slice(0, start + MAX_FRONT_MATTER * 4) : text);
  if (!m) return undefined; // unterminated: treat the whole file as body
  let bodyStart = m.index + m[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  return { start, end: m.index, bodyStart };
}

/** Copy a DataNode tree with every offset shifted by `delta` (front matter offsets become file offsets). */
function shiftNode(n: DataNode, delta: number, parent: DataNode | undefined): DataNode {
  const out: DataNode = { type: n.type, value: n.value, start: n.start + delta, end: n.end + delta, parent };
  if (n.contentStart !== undefined) out.contentStart = n.contentStart + delta;
  if (n.properties) out.properties = n.properties.map((p) => ({ key: p.key, keyStart: p.keyStart + delta, keyEnd: p.keyEnd + delta, value: shiftNode(p.value, delta, out) }));
  if (n.items) out.items = n.items.map((i) => shiftNode(i, delta, out));
  return out;
}
