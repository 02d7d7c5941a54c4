/**
 * Prompts embedded in YAML / JSON data (agent configs, promptfoo, LangChain hub, GitHub .prompt.yml,
 * chat message arrays): one PromptView per prompt string. The view text is the DECODED string; its map
 * leads each character back to the file (char by char through JSON escapes; line search for YAML blocks).
 */
import type { DataNode, DataView, OffsetMap, PromptRole, PromptView } from '../../engine/views';
import { walkData } from '../data';
import { mapByLineSearch, mapEscapedString, shiftMap } from './offsetMap';
import { roleOf, templateVariablesIn } from './templates';

const MAX_PROMPTS = 500;
const MAX_PROMPT_LENGTH = 200_000;

/** Normalised key (lower case, no `_`/`-`) -> role of a prompt stored under it. */
const PROMPT_KEYS = new Map<string, PromptRole>(Object.entries({
  system: 'system', systemprompt: 'system', systemmessage: 'system', systeminstruction: 'system', systeminstructions: 'system', systemtemplate: 'system',
  instructions: 'system', instruction: 'system', preamble: 'system', backstory: 'system',
  developer: 'developer', developerprompt: 'developer', developermessage: 'developer', developerinstructions: 'developer',
  userprompt: 'user', usermessage: 'user', usertemplate: 'user', humantemplate: 'user', humanmessage: 'user',
  prompt: 'unknown', prompttemplate: 'unknown', template: 'unknown',
} satisfies Record<string, PromptRole>));

/** Files whose keys are never prompts (package manifests, CI, compose files). */
const NOT_PROMPT_FILES = /^(package\.json|composer\.json|docker-compose\.ya?ml|compose\.ya?ml|\.gitlab-ci\.yml|pubspec\.yaml|chart\.yaml|values\.ya?ml|openapi\.ya?ml|swagger\.ya?ml)$/;

export function promptsFromDataView(data: DataView): PromptView[] {
  if (NOT_PROMPT_FILES.test(data.fileName) || data.path.includes('.github/workflows/')) return [];
  const out: PromptView[] = [];
  for (const root of data.roots) {
    walkData(root, (node, key) => {
      if (out.length >= MAX_PROMPTS) return;
      if (node.type !== 'string' || typeof node.value !== 'string' || node.value.length === 0 || node.value.length > MAX_PROMPT_LENGTH) return;
      const role = promptRoleOf(node, key);
      if (role === undefined) return;
      const view = promptView(data, node, node.value, role);
      if (view) out.push(view);
    });
  }
  return out;
}

function normKey(k: string): string {
  return k.toLowerCase().replace(/[_\-\s]/g, '');
}

/** The role of a string node if it holds a prompt, else undefined. */
function promptRoleOf(node: DataNode, key: string | undefined): PromptRole | undefined {
  const parent = node.parent;
  if (key === undefined) {
    // an item of `prompts: [...]` / `system: [...]`
    const holder = parent?.type === 'array' ? parent.parent : undefined;
    const holderKey = holder?.properties?.find((p) => p.value === parent)?.key;
    if (holderKey === undefined) return undefined;
    const nk = normKey(holderKey);
    if (nk === 'prompts') return 'unknown';
    const holderRole = PROMPT_KEYS.get(nk);
    return holderRole === 'system' || holderRole === 'developer' ? holderRole : undefined;
  }
  const nk = normKey(key);
  if (nk === 'content' || nk === 'text' || nk === 'message') {
    // chat message { role: system, content: "..." }
    const roleProp = parent?.properties?.find((p) => p.key === 'role' || p.key === 'type');
    if (roleProp && typeof roleProp.value.value === 'string') return roleOf(roleProp.value.value);
    return undefined;
  }
  return PROMPT_KEYS.get(nk);
}

function promptView(data: DataView, node: DataNode, value: string, role: PromptRole): PromptView | undefined {
  const map = withEncoder(data, node, mapFor(data, node, value));
  if (!map) return undefined;
  const sections = [{ role, start: 0, end: value.length }];
  const variables = templateVariablesIn(value, 0, value.length, sections);
  return { text: value, format: 'data', sections, variables, map };
}

/** Build the view -> file map of one string node. */
export function mapFor(data: DataView, node: DataNode, value: string): OffsetMap | undefined {
  const file = data.text;
  const contentStart = node.contentStart ?? node.start;
  if (data.format !== 'yaml') {
    // JSON string: content between the quotes, decoded char by char
    return mapEscapedString(file, contentStart, Math.max(contentStart, node.end - 1), value) ?? mapByLineSearch(file, node.start, node.end, value);
  }
  const q = file[node.start];
  if (q === '"') {
    const exact = mapEscapedString(file, node.start + 1, Math.max(node.start + 1, node.end - 1), value);
    if (exact) return exact;
  } else if (q !== "'" && q !== '|' && q !== '>' && file.slice(contentStart, contentStart + value.length) === value) {
    return shiftMap(contentStart, value.length);
  } else if (q === "'" && file.slice(node.start + 1, node.start + 1 + value.length) === value) {
    return shiftMap(node.start + 1, value.length);
  }
  return mapByLineSearch(file, node.start, node.end, value);
}

/** Replacement text must be written in the string's own syntax: escaped in JSON and double-quoted YAML. */
function withEncoder(data: DataView, node: DataNode, map: OffsetMap | undefined): OffsetMap | undefined {
  if (!map) return undefined;
  const q = data.text[node.start];
  if (data.format !== 'yaml' || q === '"') return { ...bind(map), encode: (t: string) => JSON.stringify(t).slice(1, -1) };
  if (q === "'") return { ...bind(map), encode: (t: string) => (/[\r\n]/.test(t) ? undefined : t.replace(/'/g, "''")) };
  // plain and block scalars: only text that cannot change the scalar's structure
  return { ...bind(map), encode: (t: string) => (/[\r\n]|: |\s#/.test(t) ? undefined : t) };
}

function bind(map: OffsetMap): OffsetMap {
  return { toFile: (o) => map.toFile(o), canEdit: (s, e) => map.canEdit(s, e) };
}
