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

// Formats as the secret scanners document them (gitleaks, trufflehog, GitHub secret scanning, detect-secrets);
// the patterns are our own. Order matters: specific prefixes before the generic `sk-` shape.
const SHAPES: KeyShape[] = [
  // api03 keys and admin01 keys end in `AA`; OAuth access (oat01) and refresh (ort01) tokens have no fixed length
  { provider: 'Anthropic', envVar: 'ANTHROPIC_API_KEY', re: /sk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_-]{32,200}/g, prefix: -1 },
  { provider: 'OpenRouter', envVar: 'OPENROUTER_API_KEY', re: /sk-or-v1-[a-f0-9]{48,80}/g, prefix: 9 },
  { provider: 'Langfuse', envVar: 'LANGFUSE_SECRET_KEY', re: /sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, prefix: 6 },
  // project, service-account and admin keys (and the 2024 `sk-None-` user keys); `T3BlbkFJ` is base64 "OpenAI"
  { provider: 'OpenAI', envVar: 'OPENAI_API_KEY', re: /sk-(?:proj|svcacct|service|admin|None)-[A-Za-z0-9_-]{24,200}/g, prefix: -1 },
  { provider: 'OpenAI', envVar: 'OPENAI_API_KEY', re: /sk-[A-Za-z0-9]{20,}T3BlbkFJ[A-Za-z0-9]{20,}/g, prefix: 3 },
  // DeepSeek (`sk-` + 32 hex), Moonshot and other OpenAI-compatible services
  { provider: 'DeepSeek or OpenAI-compatible', envVar: 'OPENAI_API_KEY', re: /sk-[A-Za-z0-9]{32,64}/g, prefix: 3 },
  { provider: 'ElevenLabs', envVar: 'ELEVENLABS_API_KEY', re: /sk_[a-f0-9]{48}/g, prefix: 3 },
  // user access tokens are `hf_` + 34 letters; organisation API tokens `api_org_` + 34 letters
  { provider: 'Hugging Face', envVar: 'HF_TOKEN', re: /hf_[A-Za-z0-9]{30,40}/g, prefix: 3 },
  { provider: 'Hugging Face (organisation token)', envVar: 'HF_TOKEN', re: /api_org_[A-Za-z]{34}/g, prefix: 8 },
  { provider: 'Google AI (Gemini)', envVar: 'GOOGLE_API_KEY', re: /AIza[0-9A-Za-z_-]{35}/g, prefix: 4 },
  { provider: 'Groq', envVar: 'GROQ_API_KEY', re: /gsk_[A-Za-z0-9]{40,60}/g, prefix: 4 },
  { provider: 'Replicate', envVar: 'REPLICATE_API_TOKEN', re: /r8_[A-Za-z0-9_-]{30,45}/g, prefix: 3 },
  { provider: 'xAI', envVar: 'XAI_API_KEY', re: /xai-[A-Za-z0-9_]{50,100}/g, prefix: 4 },
  { provider: 'Perplexity', envVar: 'PERPLEXITY_API_KEY', re: /pplx-[A-Za-z0-9_]{40,60}/g, prefix: 5 },
  { provider: 'Fireworks AI', envVar: 'FIREWORKS_API_KEY', re: /fw_[A-Za-z0-9]{20,40}/g, prefix: 3 },
  { provider: 'Together AI', envVar: 'TOGETHER_API_KEY', re: /tgp_v1_[A-Za-z0-9_-]{30,80}/g, prefix: 7 },
  { provider: 'NVIDIA NIM', envVar: 'NVIDIA_API_KEY', re: /nvapi-[A-Za-z0-9_-]{60,70}/g, prefix: 6 },
  { provider: 'LangSmith', envVar: 'LANGSMITH_API_KEY', re: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/g, prefix: 8 },
  { provider: 'Pinecone', envVar: 'PINECONE_API_KEY', re: /pcsk_[A-Za-z0-9]{4,10}_[A-Za-z0-9]{40,90}/g, prefix: 5 },
  { provider: 'Weights & Biases', envVar: 'WANDB_API_KEY', re: /wandb_v1_[A-Za-z0-9]{27}_[A-Za-z0-9]{49}/g, prefix: 9 },
  // long-term Bedrock API keys are `ABSK` + base64("BedrockAPIKey-..."); short-term ones `bedrock-api-key-` + base64
  { provider: 'Amazon Bedrock', envVar: 'AWS_BEARER_TOKEN_BEDROCK', re: /ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,300}={0,2}/g, prefix: 22 },
  { provider: 'Amazon Bedrock', envVar: 'AWS_BEARER_TOKEN_BEDROCK', re: /bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/%=&_-]{40,2000}/g, prefix: 44 },
];

/** Providers whose keys have no distinctive prefix: found only next to a provider-named variable or client. */
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
  [/^PINECONE_API_KEY$/i, 'Pinecone', 'PINECONE_API_KEY'],
  [/^WANDB_API_KEY$/i, 'Weights & Biases', 'WANDB_API_KEY'],
];
// `MISTRAL_API_KEY = "..."`, `"MISTRAL_API_KEY": "..."`, `MISTRAL_API_KEY: ...`, `MISTRAL_API_KEY=...`
const NAMED_ASSIGNMENT = /\b([A-Za-z0-9]{2,20}(?:_AI|_OPENAI)?_API_KEY)["']?[ \t]*(?:=|:)[ \t]*["'`]?([A-Za-z0-9_-]{24,128})(?![A-Za-z0-9_-])/g;

/** Clients of providers without a key prefix: a literal key argument names its provider through the client. */
const NAMED_CLIENTS: [string[], string, string][] = [
  [['Mistral', 'MistralClient', 'MistralAsyncClient', 'ChatMistralAI', 'MistralAIEmbeddings', 'createMistral'], 'Mistral AI', 'MISTRAL_API_KEY'],
  [['CohereClient', 'CohereClientV2', 'ChatCohere', 'CohereEmbeddings', 'CohereRerank', 'cohere.Client', 'cohere.ClientV2', 'cohere.AsyncClient', 'cohere.AsyncClientV2', 'createCohere'], 'Cohere', 'COHERE_API_KEY'],
  [['AzureOpenAI', 'AsyncAzureOpenAI', 'AzureChatOpenAI', 'AzureOpenAIEmbeddings', 'createAzure'], 'Azure OpenAI', 'AZURE_OPENAI_API_KEY'],
  [['Pinecone', 'PineconeClient', 'pinecone.Pinecone', 'PineconeGRPC'], 'Pinecone', 'PINECONE_API_KEY'],
  [['Together', 'AsyncTogether', 'ChatTogether', 'TogetherEmbeddings', 'createTogetherAI'], 'Together AI', 'TOGETHER_API_KEY'],
  [['VoyageAIClient', 'voyageai.Client', 'voyageai.AsyncClient', 'VoyageEmbeddings', 'VoyageAIEmbeddings'], 'Voyage AI', 'VOYAGE_API_KEY'],
  [['wandb.login'], 'Weights & Biases', 'WANDB_API_KEY'],
];
const CLIENT_BY_NAME = new Map(NAMED_CLIENTS.flatMap(([names, provider, envVar]) => names.map((n) => [n, { provider, envVar }] as const)));
const CLIENT_NAMES = [...CLIENT_BY_NAME.keys()].sort((x, y) => y.length - x.length).map((n) => n.replace('.', '\\.')).join('|');
// `Mistral(api_key="...")`, `new CohereClient({ token: "..." })`, `AzureOpenAI(api_key="...", ...)`, `wandb.login(key="...")`
const CLIENT_KEYWORD_ARG = new RegExp(`(?<![\\w.])(${CLIENT_NAMES})\\s*\\(\\s*\\{?[^()]{0,300}?(?<![\\w])(?:api_key|apiKey|azure_api_key|token|key)\\s*[=:]\\s*["'\`]([A-Za-z0-9_-]{24,128})["'\`]`, 'g');
// `cohere.Client("...")`: the key as the first positional argument
const CLIENT_POSITIONAL_ARG = new RegExp(`(?<![\\w.])(${CLIENT_NAMES})\\s*\\(\\s*["'\`]([A-Za-z0-9_-]{24,128})["'\`]`, 'g');

/** Words that say "this is not a real key": matched as words, in lower, UPPER or Capitalised case. */
const PLACEHOLDER_LONG_WORDS = ['example', 'sample', 'dummy', 'placeholder', 'redacted', 'changeme', 'replace', 'insert', 'yourkey', 'mykey', 'secret', 'invalid', 'fakekey', 'testkey', 'notreal', 'xxxxx'];
const PLACEHOLDER_WORDS_4 = ['your', 'test', 'fake', 'mock', 'here', 'todo', 'none', 'null', 'dumm'];
const PLACEHOLDER_WORDS_3 = ['key', 'foo', 'bar', 'abc', 'xyz', 'xxx'];
const wordForms = (w: string): string[] => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)];
const alt = (words: string[]): string => words.flatMap(wordForms).join('|');
const LONG_WORD_RE = new RegExp(alt(PLACEHOLDER_LONG_WORDS));
// shorter words only where a person puts them: four letters at the start or the end of the body, three letters
// (and four) between separators (`sk-proj-abc-...`); anywhere else they occur by chance in random keys
const SHORT_WORD_RE = new RegExp(`^(?:${alt(PLACEHOLDER_WORDS_4)})|(?:${alt(PLACEHOLDER_WORDS_4)})$|(?:^|[-_.])(?:${alt([...PLACEHOLDER_WORDS_4, ...PLACEHOLDER_WORDS_3])})(?=$|[-_.])`);
/** Ellipses, template references, angle-bracket slots, masking characters. */
const PLACEHOLDER_MARKS = /\.\.\.|…|\$\{|\{\{|<[^>]*>|\*{3,}|%s\b|^\$[A-Z_]+$|x{4,}|X{4,}/;
/** Keyboard and counting runs a person types: `1234`, `abcdef`, `qwerty`. */
const TYPED_RUNS = /^1234|012345|123456|234567|345678|456789|987654|abcdef|ABCDEF|bcdefg|qwerty|QWERTY/;

/**
 * A key body that says it is not a real key: placeholder words and marks, typed runs, one character repeated,
 * or too few distinct characters. Deliberately not "too regular": real keys are random, and a random key that
 * happens to lack digits (Hugging Face tokens are letters only) or to contain `xX` is still a key.
 */
export function isPlaceholderSecret(body: string): boolean {
  if (body.length === 0) return true;
  if (PLACEHOLDER_MARKS.test(body) || TYPED_RUNS.test(body) || LONG_WORD_RE.test(body) || SHORT_WORD_RE.test(body)) return true;
  if (/(.)\1{5,}/.test(body)) return true; // `000000`, `aaaaaa`
  const distinct = new Set(body).size;
  if (distinct < Math.min(8, Math.ceil(body.length / 3))) return true; // `abababab...`, `1a1a1a...`
  // typed counting runs throughout: `abc123XYZ789defGHI456` (a random key steps to the next character ~2% of the time)
  if (body.length >= 12) {
    let steps = 0;
    for (let i = 1; i < body.length; i++) if (body.toLowerCase().charCodeAt(i) === body.toLowerCase().charCodeAt(i - 1) + 1) steps++;
    if (steps >= (body.length - 1) * 0.4) return true;
  }
  // a short pattern repeated: `abc123abc123abc123`
  for (let n = 2; n <= 8 && n * 3 <= body.length; n++) {
    const unit = body.slice(0, n);
    if (body === unit.repeat(Math.ceil(body.length / n)).slice(0, body.length)) return true;
  }
  return false;
}

/**
 * A prefix-less value that reads as words (`MistralKeyFromTheVault`, `my_mistral_api_key_value`): not a key.
 * Random strings also have lowercase runs, but few digits-free runs with an English share of vowels.
 */
export function readsAsWords(v: string): boolean {
  if (/[_-]/.test(v) && v.split(/[_-]+/).every((p) => /^[A-Za-z]*$/.test(p))) return true;
  const digits = (v.match(/\d/g) ?? []).length;
  if (digits > v.length * 0.1) return false;
  let inWords = 0;
  let vowels = 0;
  for (const m of v.matchAll(/[A-Z]?[a-z]{2,}|[A-Z]{3,}(?![a-z])/g)) {
    inWords += m[0].length;
    vowels += (m[0].match(/[aeiouyAEIOUY]/g) ?? []).length;
  }
  return inWords / v.length >= 0.8 && vowels / Math.max(1, inWords) >= 0.3;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) { const p = n / s.length; h -= p * Math.log2(p); }
  return h;
}

const PLACEHOLDER_WORDS = /x{4,}|X{4,}|\*{3,}|\.\.\.|your|example|dummy|fake|test|sample|placeholder|redacted|changeme|replace|insert|0{6,}|1234567/i;

/**
 * A random-looking token in prose (signed URLs, generic credentials): mixed letters and digits, no placeholder
 * words, no long runs. Provider keys do not use it: their prefix already says what they are (isPlaceholderSecret).
 */
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

/** Length of the fixed part of an `sk-...-` key: `sk-proj-`, `sk-svcacct-`, `sk-ant-api03-`. */
function dashedPrefixLength(key: string): number {
  const m = /^sk-(?:ant-[a-z]+\d{2}|[A-Za-z]+)-/.exec(key);
  return m ? m[0].length : 3;
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
      const prefix = shape.prefix >= 0 ? shape.prefix : dashedPrefixLength(key);
      if (isPlaceholderSecret(key.slice(prefix))) continue;
      out.push({ provider: shape.provider, envVar: shape.envVar, start, end, key, prefixLength: prefix });
    }
  }
  // keys without a prefix: only next to a provider-named variable or client, and only when they do not read as words
  const unprefixed = (key: string): boolean => !isPlaceholderSecret(key) && !readsAsWords(key) && entropy(key) >= 3.3;
  NAMED_ASSIGNMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  // every match names `..._API_KEY`: a file without that text is not searched (the pattern tries each word of the file)
  const namesKeys = text.includes('_API_KEY');
  while (namesKeys && (m = NAMED_ASSIGNMENT.exec(text)) && out.length < limit) {
    const named = NAMED_PROVIDERS.find(([re]) => re.test(m![1]));
    if (!named) continue;
    const key = m[2];
    const start = m.index + m[0].length - key.length;
    const end = start + key.length;
    if (taken(start, end) || !unprefixed(key)) continue;
    out.push({ provider: named[1], envVar: m[1].toUpperCase(), start, end, key, prefixLength: 0 });
  }
  for (const re of [CLIENT_KEYWORD_ARG, CLIENT_POSITIONAL_ARG]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) && out.length < limit) {
      const client = CLIENT_BY_NAME.get(m[1]);
      const key = m[2];
      const end = m.index + m[0].length - 1;
      const start = end - key.length;
      if (!client || taken(start, end) || !unprefixed(key)) continue;
      out.push({ provider: client.provider, envVar: client.envVar, start, end, key, prefixLength: 0 });
    }
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

// ---- names in code: credentials and personal data reached by a variable, attribute or key name ----

/** snake_case of a name: `dbPassword` -> `db_password`, `OPENAI_API_KEY` -> `openai_api_key`. */
export function snakeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-\s]+/g, '_').toLowerCase();
}

const SECRET_NAME = /(^|_)(api_?key|apikey|secret_?key|client_?secret|app_?secret|[a-z0-9]+_secret|(api|access|auth|bearer|refresh|session|github|gh|gitlab|slack|bot|discord|telegram|oauth|jwt|hf|service|admin|personal_access|npm|pypi)_token|password|passwd|pwd|passphrase|credentials?|private_?key|access_?key(_id)?|secret_access_key|conn(ection)?_?str(ing)?|dsn|database_?url|db_?url|db_?uri)$/;
const NOT_A_SECRET_NAME = /^(has|is|use|uses|needs|need|requires|require|mask|masked|redact|redacted|hash|hashed|len|num|max|min|count|show|hide|validate|check|get_?masked|no|missing|invalid|expected|reset|forgot|change|new_?password_?rule)_|_(name|names|env|env_?var|var|header|field|fields|len|length|count|id_?name|type|prefix|hint|label|placeholder|policy|rules?|hash|hashed|masked|redacted|present|set|exists|missing|required|path|file)$/;

/** A variable, attribute or key name that holds a credential: `API_KEY`, `db_password`, `stripeSecretKey`, `GITHUB_TOKEN`. */
/** `<word>_token` names of tokenizers and text processing, not credentials. */
// (and the sentinels a model is asked to print: `DONE_TOKEN`, `FINISH_TOKEN`, `TERMINATE_TOKEN`, `STOP_SIGNAL_TOKEN`)
const TEXT_TOKEN = /(^|_)(bos|eos|pad|unk|sep|cls|mask|special|start|end|stop|next|prev|first|last|new|max|min|num|total|input|output|prompt|completion|added|image|audio|video|user|assistant|system|think|thinking|tool|reasoning|default|eot|split|boundary|placeholder|done|finish|finished|complete|completed|terminate|termination|sentinel|marker|signal|delimiter|separator|halt)_token$/;

export function isSecretName(name: string): boolean {
  const s = snakeName(name);
  if (NOT_A_SECRET_NAME.test(s)) return false;
  return SECRET_NAME.test(s) || (/^[a-z0-9]+(_[a-z0-9]+)*_token$/.test(s) && !TEXT_TOKEN.test(s));
}

/**
 * A secret name only by its `_token` ending (`DONE_TOKEN`, `resumeToken`), not by a credential word
 * (`access_token`, `api_key`, `password`): whether it holds a credential depends on its value.
 */
export function isTokenOnlyName(name: string): boolean {
  const s = snakeName(name);
  return isSecretName(name) && !SECRET_NAME.test(s);
}

/**
 * A literal that is not secret-shaped: a marker or sentinel a program compares text with (`DONE_DONE_DONE`,
 * `[DONE]`, `<|end|>`, `TERMINATE`, `end of answer`): letters in one case or plain words, no digits, short,
 * or a placeholder. A random token mixes cases and digits (or is long).
 */
export function isSentinelValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || isPlaceholderSecret(v)) return true;
  if (v.length > 40 || /\d/.test(v)) return false;
  const core = v.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
  if (!core) return true;
  if (/^[A-Z]+(?:[-_ .|:][A-Z]+)*$/.test(core) || /^[a-z]+(?:[-_ .|:][a-z]+)*$/.test(core)) return true;
  return readsAsWords(core);
}

const PII_NAMES = new Map<string, string>(Object.entries({
  ssn: 'a social security number', social_security: 'a social security number', social_security_number: 'a social security number',
  social_insurance_number: 'a social insurance number', national_id: 'a national id number', tax_id: 'a tax id',
  credit_card: 'a credit card number', credit_card_number: 'a credit card number', card_number: 'a card number', cc_number: 'a card number',
  cvv: 'a card security code', cvc: 'a card security code', card_cvv: 'a card security code',
  password: 'a password', passwd: 'a password', password_hash: 'a password hash',
  passport: 'a passport number', passport_number: 'a passport number', passport_no: 'a passport number',
  bank_account: 'a bank account number', bank_account_number: 'a bank account number', iban: 'an IBAN', routing_number: 'a routing number',
  date_of_birth: 'a date of birth', dob: 'a date of birth', birth_date: 'a date of birth', birthdate: 'a date of birth',
  drivers_license: "a driver's license number", drivers_license_number: "a driver's license number", driver_license: "a driver's license number",
  medical_record_number: 'a medical record number', mrn: 'a medical record number',
}));

/** Personal data a field name holds (`ssn`, `creditCardNumber`, `date_of_birth`), or undefined. */
export function personalDataKind(name: string): string | undefined {
  return PII_NAMES.get(snakeName(name));
}
