import { commandTokens, isShell, isShellScriptFlag, mcpConfig, programName, valueSubRange } from '../../../server/src/analyzers/data/toolConfig';
import type { CommandToken } from '../../../server/src/analyzers/data/toolConfig';
import { defineRule } from '../../../server/src/engine/rule';

/** Download piped or substituted into an interpreter: `curl ... | sh`, `bash <(curl ...)`, `iex (iwr ...)`. */
const DOWNLOAD_EXEC = [
  /\b(?:curl|wget|fetch)\b[^|;&\n]{0,300}\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b|\b(?:curl|wget|fetch)\b[^|;&\n]{0,300}\|\s*(?:sudo\s+)?(?:python3?|node|perl|ruby|cmd|powershell|pwsh|iex)\b/i,
  /(?:<\(|\$\(|`)\s*(?:curl|wget)\b[^)`\n]{0,300}[)`]/i,
  /\b(?:iex|Invoke-Expression)\b[^;\n]{0,40}\(?\s*(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|\(?\s*New-Object\s+(?:System\.)?Net\.WebClient)[^;\n]{0,300}/i,
  /\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^;\n]{0,300}\|\s*(?:iex|Invoke-Expression)\b/i,
];
/** Shell features that make the config run a script rather than one program. */
const SHELL_FEATURES = /[|;&<>`]|\$\(|\$\{?[A-Za-z_]|&&|\|\|/;

export default defineRule({
  meta: {
    id: 'mcp-shell-command-wrapper',
    name: 'McpShellCommandWrapper',
    shortDescription: 'An MCP server is started through a shell script (`bash -c`, `cmd /c`, `powershell -Command`), in the worst case one that downloads and runs code.',
    fullDescription: 'A server launched as `sh -c "curl https://... | sh"` or `powershell -Command "iex (iwr ...)"` executes whatever a remote host serves at every editor start, with your user rights and no version, review or integrity check. Shell wrappers also hide what really runs behind quoting and chaining, so reviewers of the config miss it.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM03', 'LLM06'],
    cwe: [78, 494],
    frameworks: { nistAiRmf: ['GOVERN 6.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.6.2.6'] },
    fix: 'none',
    messages: {
      downloadExec: 'MCP server "{{server}}" downloads code and runs it in a shell (`{{snippet}}`): a remote host decides what executes on every start.',
      encoded: 'MCP server "{{server}}" runs an encoded PowerShell command: what executes cannot be reviewed.',
      shellWrapper: 'MCP server "{{server}}" is started through `{{shell}} {{flag}}` with a shell script: run the server program directly with its arguments.',
    },
  },
  check: {
    data(ctx) {
      for (const server of mcpConfig(ctx.view)?.servers ?? []) {
        const tokens = commandTokens(ctx.view, server);
        const shellAt = tokens.findIndex((t) => isShell(t.value));
        if (shellAt < 0) continue;
        const flagAt = tokens.findIndex((t, i) => i > shellAt && isShellScriptFlag(t.value));
        if (flagAt < 0) continue;
        const shell = tokens[shellAt];
        const flag = tokens[flagAt];
        const scriptTokens = tokens.slice(flagAt + 1);
        if (scriptTokens.length === 0) continue;
        if (/^-enc(odedcommand)?$/i.test(flag.value)) {
          ctx.report({ messageId: 'encoded', data: { server: server.name }, start: scriptTokens[0].start, end: scriptTokens[0].end });
          continue;
        }
        const hit = findDownloadExec(scriptTokens);
        if (hit) {
          const r = valueSubRange(ctx.view, hit.token.node, hit.from, hit.to);
          const sameToken = hit.token.argIndex >= 0;
          const { start, end } = sameToken ? r : hit.token;
          ctx.report({ messageId: 'downloadExec', data: { server: server.name, snippet: clip(hit.text) }, start, end });
          continue;
        }
        const script = scriptTokens.map((t) => t.value).join(' ');
        // `cmd /c npx -y pkg` is the Windows idiom for launching a .cmd shim: one program, no shell features
        if (!SHELL_FEATURES.test(script)) continue;
        ctx.report({ messageId: 'shellWrapper', data: { server: server.name, shell: programName(shell.value), flag: flag.value }, start: shell.start, end: shell.end });
      }
    },
  },
});

function findDownloadExec(tokens: CommandToken[]): { token: CommandToken; from: number; to: number; text: string } | undefined {
  for (const t of tokens) {
    for (const re of DOWNLOAD_EXEC) {
      const m = re.exec(t.value);
      if (m) return { token: t, from: m.index, to: m.index + m[0].length, text: m[0] };
    }
  }
  // the script spread over several args: `cmd /c curl -s URL | sh`
  const joined = tokens.map((t) => t.value).join(' ');
  for (const re of DOWNLOAD_EXEC) {
    if (re.test(joined)) return { token: { ...tokens[0], end: tokens[tokens.length - 1].end, argIndex: -2 }, from: 0, to: 0, text: joined };
  }
  return undefined;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
