/**
 * Shapes of AI provider API keys and generic secrets, shared by the secrets and prompt rule packs so
 * the same characters are never reported twice. Pure string helpers, bounded regexes only.
 */

export interface ProviderKeyMatch {
  provider: string;
  /** Environment variable the provider's SDK reads. */
  envVar: string;
  start: number;
  end: number;
  key: string;
  /** Length of the fixed prefix (`sk-proj-`), for redaction. */
  prefixLength: number;
}

interface KeyShape { provider: string; envVar: string; re: RegExp; prefix: number }

// Order matters: specific prefixes before the generic `sk-` shape.
const SHAPES: KeyShape[] = [
  { provider: 'Anthropic', envVar: 'ANTHROPIC_API_KEY', re: /sk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{32,200}/g, prefix: 13 },
  { provider: 'OpenRouter', envVar: 'OPENROUTER_API_KEY', re: /sk-or-v1-[a-f0-9]{48,80}/g, prefix: 9 },
  { provider: 'OpenAI', envVar: 'OPENAI_API_KEY', re: /sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{24,200}/g, prefix: -1 },
  { provider: 'OpenAI', envVar: 'OPENAI_API_KEY', re: /sk-[A-Za-z0-9]{20,}T3BlbkFJ[A-Za-z0-9]{20,}/g, prefix: 3 },
  { provider: 'DeepSeek or OpenAI-compatible', envVar: 'OPENAI_API_KEY', re: /sk-[A-Za-z0-9]{32,64}/g, prefix: 3 },
  { provider: 'Hugging Face', envVar: 'HF_TOKEN', re: /hf_[A-Za-z0-9]{30,40}/g, prefix: 3 },
  { provider: 'Google AI (Gemini)', envVar: 'GOOGLE_API_KEY', re: /AIza[0-9A-Za-z_-]{35}/g, prefix: 4 },
  { provider: 'Groq', envVar: 'GROQ_API_KEY', re: /gsk_[A-Za-z0-9]{40,60}/g, prefix: 4 },
  { provider: 'Replicate', envVar: 'REPLICATE_API_TOKEN', re: /r8_[A-Za-z0-9]{30,45}/g, prefix: 3 },
  { provider: 'xAI', envVar: 'XAI_API_KEY', re: /xai-[A-Za-z0-9]{50,100}/g, prefix: 4 },
  { provider: 'Perplexity', envVar: 'PERPLEXITY_API_KEY', re: /pplx-[A-Za-z0-9]{40,60}/g, prefix: 5 },
  { provider: 'Fireworks AI', envVar: 'FIREWORKS_API_KEY', re: /fw_[A-Za-z0-9]{20,40}/g, prefix: 3 },
  { provider: 'Together AI', envVar: 'TOGETHER_API_KEY', re: /tgp_v1_[A-Za-z0-9_-]{30,80}/g, prefix: 7 },
  { provider: 'LangSmith', envVar: 'LANGSMITH_API_KEY', re: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/g, prefix: 8 },
];

/** Providers whose keys have no distinctive prefix: found only when assigned to a provider-named variable. */
const NAMED_PROVIDERS: [RegExp, string, string][] = [
  [/^(?:CO|COHERE)_API_KEY$/i, 'Cohere', 'COHERE_API_KEY'],
  [/^MISTRAL_API_KEY$/i, 'Mistral AI', 'MISTRAL_API_KEY'],
  [/^TOGETHER(?:_AI)?_API_KEY$/i, 'Together AI', 'TOGETHER_API_KEY'],
  [/^FIREWORKS(?:_AI)?_API_KEY$/i, 'Fireworks AI', 'FIREWORKS_API_KEY'],
  [/^(?:PERPLEXITY|PPLX)_API_KEY$/i, 'Perplexity', 'PERPLEXITY_API_KEY'],
  [/^(?:XAI|GROK)_API_KEY$/i, 'xAI', 'XAI_API_KEY'],
  [/^DEEPSEEK_API_KEY$/i, 'DeepSeek', 'DEEPSEEK_API_KEY'],
  [/^(?:OPENAI|AZURE_OPENAI)_API_KEY$/i, 'OpenAI', 'OPENAI_API_KEY'],
  [/^ANTHROPIC_API_KEY$/i, 'Anthropic', 'ANTHROPIC_API_KEY'],
  [/^(?:GOOGLE|GEMINI)_API_KEY$/i, 'Google AI (Gemini)', 'GOOGLE_API_KEY'],
  [/^VOYAGE_API_KEY$/i, 'Voyage AI', 'VOYAGE_API_KEY'],
  [/^AI21_API_KEY$/i, 'AI21', 'AI21_API_KEY'],
];
// `MISTRAL_API_KEY = "..."`, `"MISTRAL_API_KEY": "..."`, `MISTRAL_API_KEY: ...`, `MISTRAL_API_KEY=...`
const NAMED_ASSIGNMENT = /\b([A-Za-z0-9]{2,20}(?:_AI)?_API_KEY)["']?[ \t]*(?:=|:)[ \t]*["'`]?([A-Za-z0-9_-]{24,128})(?![A-Za-z0-9_-])/g;

const PLACEHOLDER_WORDS = /x{4,}|X{4,}|\*{3,}|\.\.\.|your|example|dummy|fake|test|sample|placeholder|redacted|changeme|replace|insert|0{6,}|1234567/i;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) { const p = n / s.length; h -= p * Math.log2(p); }
  return h;
}

/** A random-looking secret body: not a placeholder, mixed characters, no long runs or sequences. */
export function looksRandom(body: string, minEntropy = 3.2): boolean {
  if (PLACEHOLDER_WORDS.test(body)) return false;
  if (!/[0-9]/.test(body) || !/[A-Za-z]/.test(body)) return false;
  if (entropy(body) < minEntropy) return false;
  let seq = 0;
  for (let i = 1; i < body.length; i++) {
    const d = body.charCodeAt(i) - body.charCodeAt(i - 1);
    if (d === 1 || d === 0) seq++;
  }
  return seq / body.length < 0.35;
}

function boundaryOk(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (before === undefined || !/[A-Za-z0-9_-]/.test(before)) && (after === undefined || !/[A-Za-z0-9]/.test(after));
}

/** Every AI provider key in `text` (bounded: at most `limit` matches). */
export function findProviderKeys(text: string, limit = 200): ProviderKeyMatch[] {
  const out: ProviderKeyMatch[] = [];
  const taken = (s: number, e: number): boolean => out.some((m) => s < m.end && e > m.start);
  for (const shape of SHAPES) {
    shape.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = shape.re.exec(text)) && out.length < limit) {
      const key = m[0];
      const start = m.index;
      const end = start + key.length;
      if (!boundaryOk(text, start, end) || taken(start, end)) continue;
      const prefix = shape.prefix >= 0 ? shape.prefix : key.indexOf('-', 3) + 1;
      if (!looksRandom(key.slice(prefix))) continue;
      out.push({ provider: shape.provider, envVar: shape.envVar, start, end, key, prefixLength: prefix });
    }
  }
  NAMED_ASSIGNMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMED_ASSIGNMENT.exec(text)) && out.length < limit) {
    const named = NAMED_PROVIDERS.find(([re]) => re.test(m![1]));
    if (!named) continue;
    const key = m[2];
    const start = m.index + m[0].length - key.length;
    const end = start + key.length;
    if (taken(start, end) || !looksRandom(key, 3.5)) continue;
    out.push({ provider: named[1], envVar: m[1].toUpperCase(), start, end, key, prefixLength: 0 });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function isProviderKey(value: string): boolean {
  return findProviderKeys(value, 1).length > 0;
}

/** `sk-proj-ab…9f`: the prefix, two characters, an ellipsis, the last two. */
export function redactKey(key: string, prefixLength: number): string {
  const body = key.slice(prefixLength);
  return `${key.slice(0, prefixLength)}${body.slice(0, 2)}…${body.slice(-2)}`;
}
