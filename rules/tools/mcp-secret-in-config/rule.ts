import { getValue } from '../../../server/src/analyzers/data';
import { contentRange, mcpConfig } from '../../../server/src/analyzers/data/toolConfig';
import type { McpConfig } from '../../../server/src/analyzers/data/toolConfig';
import type { Fix, TextEdit } from '../../../server/src/engine/model';
import type { DataProperty, DataView } from '../../../server/src/engine/views';
import { defineRule } from '../../../server/src/engine/rule';
import { findProviderKeys, isPlaceholderSecret } from '../../../server/src/analyzers/prompt/secretPatterns';

const SECRET_KEY = /(TOKEN|SECRET|PASSWORD|PASSWD|(^|_)PWD$|API[_-]?KEY|APIKEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|(^|_)AUTH($|_)|CREDENTIALS?$|COOKIE|SESSION[_-]?(KEY|ID|TOKEN))/i;
/** Keys that name a secret's location or kind, not the secret itself. */
const NOT_A_SECRET_KEY = /(_URL|_URI|_ENDPOINT|_HOST|_DOMAIN|_FILE|_PATH|_DIR|_TYPE|_MODE|_ENABLED|_DISABLED|_METHOD|_REGION|_SCOPES?|_ISSUER|_AUDIENCE|_PROVIDER|_EXPIRY|_TTL|_TIMEOUT|_NAME|_USER(NAME)?|_ID)$/i;
const PLACEHOLDER = /\$\{[^}]*\}|^\$[A-Za-z_]\w*$|%[A-Za-z_]\w*%|^<[^>]*>$|^\[[^\]]*\]$|^(your|my)[-_ ]|[-_ ](here|goes[-_ ]here)$|^(x{3,}|\*{3,}|\.{3,}|changeme|change[-_]me|replace[-_]?me|todo|tbd|none|null|undefined|placeholder|secret|password|token|example|dummy|test|fake)$|^(true|false|\d+)$/i;

export default defineRule({
  meta: {
    id: 'mcp-secret-in-config',
    name: 'McpSecretInConfig',
    shortDescription: 'A token, password or API key is written literally into an MCP server\'s `env` or `headers`.',
    fullDescription: 'MCP config files are copied between machines, committed with the project (`.vscode/mcp.json`, `.cursor/mcp.json`, `.mcp.json`), pasted into issues and read by the agent itself. A literal credential there leaks to everyone who can read the repository, and to any prompt injection that makes the agent read its own config. Let the client prompt for it (`${input:...}` in VS Code) or read it from the environment.',
    views: ['data'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM02'],
    cwe: [798, 522],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.2'] },
    fix: 'suggestion',
    messages: {
      env: 'MCP server "{{server}}" has a literal secret in env `{{key}}`: keep it out of the config ({{advice}}).',
      header: 'MCP server "{{server}}" has a literal credential in header `{{key}}`: keep it out of the config ({{advice}}).',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      const config = mcpConfig(view);
      if (!config) return;
      const vscode = config.dialect === 'vscode' || config.dialect === 'vscode-settings';
      const advice = vscode ? 'use `${input:...}` so VS Code prompts once and stores it securely' : 'set it in the environment the client starts from, or use the client\'s secret storage';
      // characters hardcoded-ai-provider-key reports (prefixed and provider-named keys) are not reported twice
      const providerKeys = findProviderKeys(view.text);
      const isProviderKeyAt = (start: number, end: number) => providerKeys.some((k) => k.start < end && start < k.end);
      for (const server of config.servers) {
        for (const [kind, props] of [['env', server.env], ['header', server.headers]] as const) {
          for (const prop of props) {
            const secret = literalSecret(view, prop, kind === 'header');
            if (!secret || isProviderKeyAt(secret.start, secret.end)) continue;
            const fixes: Fix[] = vscode ? [inputFix(view, config, server.name, prop, secret, kind === 'header')] : [];
            ctx.report({ messageId: kind, data: { server: server.name, key: prop.key, advice }, start: secret.start, end: secret.end, fixes });
          }
        }
      }
    },
  },
});

/** The secret part of a literal value (after `Bearer ` / `Basic ` in headers), or undefined. */
function literalSecret(view: DataView, prop: DataProperty, header: boolean): { start: number; end: number; value: string } | undefined {
  const v = prop.value;
  if (v.type !== 'string') return undefined;
  const keyIsSecret = header ? /^(authorization|proxy-authorization|cookie|x-[\w-]*(key|token|secret|auth)[\w-]*|api[-_]?key)$/i.test(prop.key) : SECRET_KEY.test(prop.key) && !NOT_A_SECRET_KEY.test(prop.key);
  if (!keyIsSecret) return undefined;
  const full = String(v.value);
  const scheme = /^(Bearer|Basic|Token|Bot)\s+/i.exec(full);
  const secret = scheme ? full.slice(scheme[0].length) : full;
  if (secret.trim() === '' || PLACEHOLDER.test(secret.trim()) || isPlaceholderSecret(secret.trim()) || namesItself(secret.trim())) return undefined;
  if (/\s/.test(secret) || /^(https?|file):\/\//i.test(secret) || /^[~./]/.test(secret)) return undefined;
  const password = /PASSWORD|PASSWD|PWD/i.test(prop.key);
  if (secret.length < (password ? 6 : 12)) return undefined;
  // tokens mix letters and digits (or are long random strings); words like `externalbrowser` are settings
  if (!password && !(/[A-Za-z]/.test(secret) && /\d/.test(secret)) && secret.length < 24) return undefined;
  const r = contentRange(view, v);
  const exact = view.text.slice(r.start, r.end) === full;
  return exact ? { start: r.start + (scheme ? scheme[0].length : 0), end: r.end, value: secret } : { start: r.start, end: r.end, value: secret };
}

/** Words a value uses to say what it stands for: `mypassword`, `enterprise-secure-password`, `password123`. */
const SELF_NAMING = /pass(word|wd)?|pwd|secret|token|api[-_]?key|changeme|example|sample|demo/i;

/**
 * A value made of plain words (optionally ending in a short counter and one punctuation mark) that names what
 * it stands for: `mypassword`, `your_secret`, `enterprise-secure-password`, `Password123!`, `supersecrettoken`.
 * Documentation writes these where the reader puts theirs; a real password or token is not the word for itself.
 * Values with digits or symbols inside (`s3cr3t-Prod!`, `hunter2-Xq9`) stay reported.
 */
function namesItself(v: string): boolean {
  const m = /^([A-Za-z]+(?:[-_. ][A-Za-z]+)*)\d{0,4}[!?.#]?$/.exec(v);
  if (!m) return false;
  return SELF_NAMING.test(m[1]);
}

/** Suggestion for VS Code: `${input:<id>}` in place of the secret, plus an `inputs` entry when none exists. */
function inputFix(view: DataView, config: McpConfig, server: string, prop: DataProperty, secret: { start: number; end: number }, header: boolean): Fix {
  const id = (header ? `${server}-${prop.key}` : prop.key).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const edits: TextEdit[] = [{ start: secret.start, end: secret.end, newText: `\${input:${id}}` }];
  const inputs = config.inputs;
  const known = (inputs?.items ?? []).some((i) => getValue(i, 'id')?.value === id);
  if (!known && view.format !== 'yaml') {
    const entry = `{ "type": "promptString", "id": "${id}", "description": "${prop.key} for ${server.replace(/"/g, '')}", "password": true }`;
    const items = inputs?.type === 'array' ? inputs.items ?? [] : undefined;
    if (items && items.length > 0) {
      const last = items[items.length - 1];
      const indent = /[ \t]*$/.exec(view.text.slice(0, last.start))?.[0] ?? '    ';
      edits.push({ start: last.end, end: last.end, newText: `,\n${indent}${entry}` });
    } else if (items && inputs) {
      edits.push({ start: inputs.start, end: inputs.end, newText: `[${entry}]` });
    } else if (config.dialect === 'vscode' && config.root.type === 'object') {
      edits.push({ start: config.root.start + 1, end: config.root.start + 1, newText: `\n  "inputs": [${entry}],` });
    }
  }
  return { title: `Prompt for ${prop.key} with \${input:${id}}`, kind: 'suggestion', edits };
}
