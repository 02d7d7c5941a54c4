import { dockerRun, expandedTokens, mcpConfig, packageLaunch, programName } from '../../../server/src/analyzers/data/toolConfig';
import type { CommandToken } from '../../../server/src/analyzers/data/toolConfig';
import { defineRule } from '../../../server/src/engine/rule';

const FILESYSTEM_PACKAGE = /(^|\/)(server-filesystem|mcp-server-filesystem|filesystem-mcp(-server)?|mcp-filesystem(-server)?|fast-filesystem-mcp)(@[^/]*)?$/i;
const HOME_VARS = /^(~|\$HOME|\$\{HOME\}|\$\{env:HOME\}|\$\{env:USERPROFILE\}|\$\{userHome\}|%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%|%HOMEPATH%|\$env:USERPROFILE|\$env:HOME)$/i;

/** Why a path grants the whole disk or a whole home directory; undefined for a narrower path. */
function broadPath(raw: string): string | undefined {
  let p = raw.trim().replace(/^["']|["']$/g, '');
  if (p === '/' || /^[A-Za-z]:[\\/]?$/.test(p) || p === '\\') return 'the whole disk';
  p = p.replace(/[\\/]+$/, '');
  if (p === '' ) return 'the whole disk';
  if (HOME_VARS.test(p)) return 'your whole home directory';
  if (/^(\/Users|\/home|[A-Za-z]:[\\/]Users)([\\/][^\\/]+)?$/i.test(p)) return p.split(/[\\/]/).length <= 2 || /^[A-Za-z]:[\\/]Users$/i.test(p) ? 'every user\'s home directory' : 'a whole home directory';
  if (/^\/root$/.test(p) || /^\/mnt\/[a-z]$/.test(p)) return p === '/root' ? 'the root user\'s home directory' : 'a whole Windows drive';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'mcp-broad-filesystem-access',
    name: 'McpBroadFilesystemAccess',
    shortDescription: 'A filesystem MCP server (or a container) is given the whole disk or a whole home directory instead of the project folder.',
    fullDescription: 'The filesystem server lets the model read and write every file below the roots it is given. With `/`, `~` or `C:\\Users\\me` as a root, one prompt injection in a web page, issue or document can make the agent read SSH keys, cloud credentials, browser profiles and other projects\' secrets, or overwrite shell start-up files. Give the server only the folders the task needs.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM06'],
    cwe: [732, 22],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MAP 3.5'], euAiAct: ['Art. 15'], iso42001: ['A.9.2', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      root: 'Filesystem MCP server "{{server}}" is allowed into `{{path}}` ({{what}}): limit it to the project folder, e.g. `${workspaceFolder}` or `./docs`.',
      mount: 'MCP server "{{server}}" mounts `{{path}}` ({{what}}) into its container: mount only the folder it needs.',
    },
  },
  check: {
    data(ctx) {
      const config = mcpConfig(ctx.view);
      // VS Code substitutes ${workspaceFolder} in mcp.json: the narrow root it should have been
      const vscode = config?.dialect === 'vscode' || config?.dialect === 'vscode-settings';
      for (const server of config?.servers ?? []) {
        const tokens = expandedTokens(ctx.view, server);
        const launch = packageLaunch(tokens);
        let roots: CommandToken[] = [];
        if (launch && FILESYSTEM_PACKAGE.test(launch.pkg.value)) roots = launch.rest;
        else {
          const at = tokens.findIndex((t) => FILESYSTEM_PACKAGE.test(programName(t.value)) || (/\.js$/.test(t.value) && /server-filesystem/.test(t.value)));
          if (at >= 0 && !dockerRun(tokens)) roots = tokens.slice(at + 1);
        }
        for (const t of roots) {
          if (t.value.startsWith('-')) continue;
          const what = broadPath(t.value);
          if (!what) continue;
          const text = ctx.view.text;
          const wholeString = text.slice(t.start, t.end) === t.value && text[t.start - 1] === '"' && text[t.end] === '"';
          const fixes = vscode && wholeString ? [{ title: 'Limit the server to the workspace folder (${workspaceFolder})', kind: 'suggestion' as const, edits: [{ start: t.start, end: t.end, newText: '${workspaceFolder}' }] }] : [];
          ctx.report({ messageId: 'root', data: { server: server.name, path: t.value, what }, start: t.start, end: t.end, fixes });
        }
        const docker = dockerRun(tokens);
        for (const opt of docker?.options ?? []) {
          if (!opt.value) continue;
          const src = mountSource(opt.name, opt.value.value);
          if (!src) continue;
          const what = broadPath(src.path);
          if (!what) continue;
          const exact = opt.value.end - opt.value.start === opt.value.value.length;
          const start = exact ? opt.value.start + src.index : opt.value.start;
          const end = exact ? start + src.path.length : opt.value.end;
          ctx.report({ messageId: 'mount', data: { server: server.name, path: src.path, what }, start, end });
        }
      }
    },
  },
});

/** Host side of a bind mount: `-v SRC:DST[:ro]` or `--mount type=bind,source=SRC,...`. */
function mountSource(option: string, value: string): { path: string; index: number } | undefined {
  if (option === '-v' || option === '--volume') {
    const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
    const colon = value.indexOf(':', drive);
    if (colon < 0) return undefined; // anonymous volume
    return { path: value.slice(0, colon), index: 0 };
  }
  if (option === '--mount') {
    const m = /(?:^|,)(?:source|src)=([^,]+)/.exec(value);
    if (!m) return undefined;
    return { path: m[1], index: m.index + m[0].length - m[1].length };
  }
  return undefined;
}
