import { defineRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/model';
import type { DataNode } from '../../../server/src/engine/views';
import { walkData } from '../../../server/src/analyzers/data';
import { entropy, isPlaceholderSecret, isProviderKey, readsAsWords } from '../../../server/src/analyzers/prompt/secretPatterns';

const SECRET_KEY = /^(?:api[_-]?key|apikey|secret|client[_-]?secret|password|passwd|pwd|token|access[_-]?token|auth[_-]?token|bearer|access[_-]?key|secret[_-]?key|private[_-]?key|connection[_-]?string|conn[_-]?str|credentials?)$/i;
const PLACEHOLDER = /^\$\{|^\{\{|^<[^>]*>$|^%\(?\w+\)?s?%?$|^env:|os\.environ|process\.env|^\*+$|^x{3,}$|^(?:none|null|changeme|change-me|your[-_].*|example|placeholder|redacted|todo|tbd|secret|password|token)$/i;

/** Shapes of well-known non-AI credentials and secret-bearing strings inside prompt text. */
const TEXT_PATTERNS: { re: RegExp; what: string; group?: number }[] = [
  { re: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|clickhouse):\/\/[^\s:/@'"]{1,64}:([^\s@/'"]{3,128})@/g, what: 'database password in a connection string', group: 1 },
  { re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g, what: 'private key' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b|\bgithub_pat_[A-Za-z0-9_]{40,255}\b/g, what: 'GitHub token' },
  { re: /\bxox[abposr]-[A-Za-z0-9-]{10,100}\b/g, what: 'Slack token' },
  { re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, what: 'AWS access key id' },
  { re: /\b[sr]k_live_[A-Za-z0-9]{20,99}\b/g, what: 'Stripe live key' },
  { re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, what: 'JSON Web Token' },
  // "the admin password is Tr0ub4dor&3", "API key: 9f8e...", "token=abc..."
  { re: /\b(?:password|passwd|passcode|pwd|api[ _-]?key|secret(?:[ _-]?key)?|access[ _-]?token|auth[ _-]?token|bearer[ _-]?token|token)\b["']?\s{0,3}(?:is|=|:|:=)\s{0,3}["'`]?([^\s"'`,;]{6,128})/gi, what: 'credential', group: 1 },
  // "use the account svc-billing with password Winter2024!Billing": no separator, so the value must look like a password
  { re: /\b(?:password|passwd|passphrase|pwd)\s{1,3}([^\s"'`,;]{8,64})(?=[\s"'`,;]|$)/gi, what: 'password', group: 1 },
];

/** A password written without `:` / `=`: mixes at least three of lower case, upper case, digits, symbols. */
function passwordShaped(v: string): boolean {
  if (/^(?:is|was|for|of|to|and|or|the|with|field|reset|manager|policy|hash|length)$/i.test(v)) return false;
  if (/[/\\]|^[\w-]+\(|\.\w{2,4}$/.test(v)) return false; // paths, calls, file names
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9\-_./]/].filter((re) => re.test(v)).length;
  return classes >= 3 && plausibleSecretValue(v);
}

/** A reference resolved elsewhere: `$(shell pwd)`, `${VAR}`, `$HOME`, `%(password)s`, `<%= pass %>`, `{{ vault_pw }}`. */
const REFERENCE = /^(?:\$[({]|\$[A-Za-z_]\w*$|%\(|<%|\{\{|\{%)/;

/** Words a placeholder uses to name the credential it stands for: `secure_password`, `reset_token`, `SecurePass123!`. */
const CREDENTIAL_WORD = /^(?:pass|passwd|password|passphrase|pwd|secret|token|key|apikey|credentials?)$/i;

/**
 * A value that names what it stands for: words (snake, kebab or camel case) one of which names a credential,
 * optionally followed by a short run of digits and symbols, as example and test passwords are written
 * (`secure_password`, `new-api-key`, `SecurePass123!`). A random secret does not spell its own role.
 */
function namesItself(v: string): boolean {
  if (v.length > 40) return false;
  const core = v.replace(/[\d!@#$%^&*?.]{1,6}$/, '');
  if (!/^[A-Za-z][A-Za-z_-]*$/.test(core)) return false;
  const words = core.split(/[_-]+/).flatMap((w) => w.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []);
  if (words.length === 0 || !words.some((w) => CREDENTIAL_WORD.test(w))) return false;
  return words.every((w) => w.length >= 2) && readsAsWords(words.join(''));
}

/**
 * An unquoted code expression in an illustrative snippet: a member chain or a call (`session.token`,
 * `this.generateToken(user)`, `getpass()`); it reads a value at run time, it is not one.
 */
function codeExpression(text: string, start: number, v: string): boolean {
  const q = text[start - 1];
  if (q === '"' || q === "'" || q === '`') return false;
  if (/^[A-Za-z_$][\w$.]*\(/.test(v)) return true;
  const parts = v.split(/\??\./);
  return parts.length >= 2 && parts.every((p) => /^[A-Za-z_$][\w$]*$/.test(p) && (p.length <= 8 && /^[a-z]+$/.test(p) || readsAsWords(p)));
}

/**
 * A private-key header followed by its base64 body (after optional armor headers): a key. The header alone is
 * a mention (a detector's regex, a doc saying where keys start), not a key.
 */
function hasKeyBody(text: string, after: number): boolean {
  const tail = text.slice(after, after + 400);
  // each armor header ends at its line break (a real one or an escaped \n / \r): one way to read the
  // text, so a run of repeated headers cannot make the engine backtrack exponentially
  return /^(?:\s|\\[nr])*(?:(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset):[^\n\\]*(?:\n|\\[nr])(?:\s|\\[nr])*)*[A-Za-z0-9+/]{40,}/.test(tail);
}

function plausibleSecretValue(v: string): boolean {
  if (REFERENCE.test(v) || PLACEHOLDER.test(v) || /[{}]/.test(v) || /^https?:/.test(v)) return false;
  if (/^[a-z]+$/i.test(v) && v.length < 16) return false; // a plain word: "required", "hidden"
  if (isPlaceholderSecret(v)) return false; // `xxxx`, `<...>`, `1234`, `your-token`, one character repeated
  if (namesItself(v)) return false; // `secure_password`, `reset_token`, `SecurePass123!`
  // letters only: a token unless it reads as words (random tokens need not contain a digit)
  return /^[A-Za-z]+$/.test(v) ? !readsAsWords(v) && entropy(v) >= 3.3 : entropy(v) >= 2.5;
}

export default defineRule({
  meta: {
    id: 'secret-in-prompt-template',
    name: 'SecretInPromptTemplate',
    shortDescription: 'A password, token, private key or connection string is written into a prompt template or its front matter.',
    fullDescription: 'Prompt templates are shared, versioned and sent to the model on every call. A credential written in the prompt text reaches the provider, logs and traces, and can be extracted by any user with a "repeat your instructions" request; a credential in the front matter is readable by everyone with the repository. Secrets belong in environment variables or a secret manager, referenced with ${env:NAME}, and never in what the model sees.',
    views: ['prompt'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM07', 'LLM02'],
    cwe: [798, 200],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.5'] },
    fix: 'suggestion',
    messages: {
      frontMatter: 'Front matter key "{{key}}" holds a literal secret: reference an environment variable instead (${env:{{envVar}}}).',
      text: 'Prompt text contains a {{what}}: anyone who can talk to the model can extract it. Remove it and give the tool the credential out of band.',
    },
  },
  check: {
    prompt(ctx) {
      const view = ctx.view;
      const reported: [number, number][] = [];
      const report = (start: number, end: number, messageId: string, data: Record<string, string>, fixes: Fix[] = []): void => {
        if (reported.some(([s, e]) => start < e && end > s)) return;
        reported.push([start, end]);
        ctx.report({ messageId, data, start, end, fixes });
      };
      if (view.frontMatter) {
        walkData(view.frontMatter, (n: DataNode, key) => {
          if (!key || n.type !== 'string' || typeof n.value !== 'string' || !SECRET_KEY.test(key)) return;
          const value = n.value.trim();
          if (!plausibleSecretValue(value) || isProviderKey(value)) return; // provider keys: hardcoded-ai-provider-key
          const envVar = key.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
          report(n.start, n.end, 'frontMatter', { key, envVar }, [{ title: `Reference \${env:${envVar}} instead`, kind: 'suggestion', edits: [{ start: n.start, end: n.end, newText: `\${env:${envVar}}` }] }]);
        });
      }
      const from = view.frontMatterRange ? view.frontMatterRange.end : 0;
      const text = view.text.length > 500_000 ? view.text.slice(0, 500_000) : view.text;
      for (const p of TEXT_PATTERNS) {
        p.re.lastIndex = from;
        let m: RegExpExecArray | null;
        let count = 0;
        while ((m = p.re.exec(text)) && count++ < 100) {
          const value = (p.group ? m[p.group] : m[0]).replace(/[.)\]]+$/, '');
          const start = p.group ? m.index + m[0].lastIndexOf(value) : m.index;
          if (p.what === 'private key' && !hasKeyBody(text, m.index + m[0].length)) continue;
          if (p.what === 'credential' && (!plausibleSecretValue(value) || isProviderKey(value) || codeExpression(text, start, value))) continue;
          if (p.what === 'password' && (!passwordShaped(value) || isProviderKey(value))) continue;
          if (p.what === 'database password in a connection string' && PLACEHOLDER.test(value)) continue;
          report(start, start + value.length, 'text', { what: p.what });
        }
      }
    },
  },
});
