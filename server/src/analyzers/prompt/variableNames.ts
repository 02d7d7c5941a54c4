/**
 * What a template variable's name says about where its value comes from. Used by prompt rules to tell
 * user / external content (`user_input`, `search_results`, `email_body`) from configuration (`date`, `tool_names`).
 */

/** Words that name user-typed or externally fetched content. */
const UNTRUSTED_WORDS = new Set([
  'user', 'input', 'inputs', 'query', 'queries', 'question', 'questions', 'message', 'messages', 'msg', 'request', 'content', 'contents',
  'document', 'documents', 'doc', 'docs', 'context', 'contexts', 'search', 'results', 'result', 'email', 'emails', 'mail', 'html', 'page', 'pages',
  'web', 'webpage', 'body', 'comment', 'comments', 'review', 'reviews', 'feedback', 'chat', 'history', 'conversation', 'transcript',
  'utterance', 'ask', 'reply', 'text', 'retrieved', 'retrieval', 'chunk', 'chunks', 'passage', 'passages', 'snippet', 'snippets',
  'upload', 'attachment', 'attachments', 'ticket', 'issue', 'post', 'tweet', 'article', 'articles', 'scraped', 'external', 'untrusted',
  'customer', 'complaint', 'transcription', 'memories', 'observation', 'scraped_content',
]);

/** A last word that makes the value a short identifier or setting rather than free text. */
const TRUSTED_LAST_WORDS = new Set([
  'name', 'names', 'id', 'ids', 'locale', 'language', 'lang', 'timezone', 'tz', 'count', 'date', 'time', 'datetime', 'timestamp', 'role', 'roles',
  'type', 'tier', 'plan', 'format', 'length', 'limit', 'max', 'min', 'version', 'level', 'mode', 'schema', 'tools', 'url', 'urls', 'country', 'region', 'currency',
]);

/** Whole names that are configuration even though a word in them is listed above. */
const TRUSTED_NAMES = new Set(['system_prompt', 'systemprompt', 'instructions', 'system_instructions', 'tool_descriptions', 'format_instructions', 'output_format', 'output_schema', 'response_format', 'persona', 'agent_scratchpad']);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export type VariableTrust = 'untrusted' | 'trusted' | 'neutral';

export function classifyVariableName(name: string): VariableTrust {
  const words = nameWords(name);
  if (words.length === 0) return 'neutral';
  const last = words[words.length - 1];
  const leaf = name.split('.').pop() ?? name;
  if (TRUSTED_NAMES.has(leaf.toLowerCase()) || TRUSTED_NAMES.has(words.join('_'))) return 'trusted';
  if (TRUSTED_LAST_WORDS.has(last)) return 'trusted';
  if (words.some((w) => UNTRUSTED_WORDS.has(w))) return 'untrusted';
  return 'neutral';
}

export function isUntrustedVariableName(name: string): boolean {
  return classifyVariableName(name) === 'untrusted';
}
