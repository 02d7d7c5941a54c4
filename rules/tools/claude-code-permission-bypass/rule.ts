import { walkData } from '../../../server/src/analyzers/data';
import { claudeSettings, valueOffsets } from '../../../server/src/analyzers/data/toolConfig';
import type { DataNode } from '../../../server/src/engine/views';
import { defineRule } from '../../../server/src/engine/rule';

const SKIP_FLAG = /--dangerously-skip-permissions\b|--permission-mode[= ]bypassPermissions\b|--dangerously-bypass-approvals-and-sandbox\b/g;

export default defineRule({
  meta: {
    id: 'claude-code-permission-bypass',
    name: 'ClaudeCodePermissionBypass',
    shortDescription: 'Claude Code (or a similar coding agent) is configured to skip permission prompts or to trust every project MCP server.',
    fullDescription: '`defaultMode: "bypassPermissions"`, `--dangerously-skip-permissions` and `enableAllProjectMcpServers: true` turn a coding agent into something that runs any shell command, edits any file and starts any MCP server a cloned repository declares, without a human seeing it first. A prompt injection in a README, issue or dependency then executes with the developer\'s credentials. Keep prompts on, and approve servers one by one.',
    views: ['data'],
    severity: 'error',
    practice: true,
    confidence: 'high',
    owasp: ['LLM06'],
    cwe: [250],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'GOVERN 3.2'], euAiAct: ['Art. 14'], iso42001: ['A.9.2', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      bypassMode: '`defaultMode: "bypassPermissions"` lets Claude Code run every tool, including shell commands, without asking.',
      allProjectServers: '`enableAllProjectMcpServers: true` starts every MCP server a checked-out project\'s `.mcp.json` declares, without review.',
      skipKey: '`{{key}}: true` turns off the agent\'s permission prompts.',
      flag: '`{{flag}}` runs the agent with every permission prompt turned off.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      const settings = claudeSettings(view);
      if (settings?.defaultMode?.value.value === 'bypassPermissions') {
        const p = settings.defaultMode;
        ctx.report({ messageId: 'bypassMode', start: p.keyStart, end: p.value.end, fixes: [{ title: 'Use the default permission mode', kind: 'suggestion', edits: [{ start: p.value.start, end: p.value.end, newText: '"default"' }] }] });
      }
      if (settings?.enableAllProjectMcpServers?.value.value === true) {
        const p = settings.enableAllProjectMcpServers;
        ctx.report({ messageId: 'allProjectServers', start: p.keyStart, end: p.value.end, fixes: [{ title: 'Approve project MCP servers one by one', kind: 'suggestion', edits: [{ start: p.value.start, end: p.value.end, newText: 'false' }] }] });
      }
      for (const root of view.roots) {
        walkData(root, (n: DataNode) => {
          for (const prop of n.properties ?? []) {
            if (/^(dangerously_?skip_?permissions|dangerouslySkipPermissions|skipPermissions|dangerouslyBypassApprovals)$/i.test(prop.key.split(".").pop() ?? "") && prop.value.value === true) {
              ctx.report({ messageId: 'skipKey', data: { key: prop.key }, start: prop.keyStart, end: prop.value.end, fixes: [{ title: 'Keep permission prompts on', kind: 'suggestion', edits: [{ start: prop.value.start, end: prop.value.end, newText: 'false' }] }] });
            }
          }
          if (n.type !== 'string') return;
          const value = String(n.value);
          if (!value.includes('--')) return;
          const map = valueOffsets(view, n);
          for (const m of value.matchAll(SKIP_FLAG)) {
            const start = map ? map(m.index!) : n.start;
            const end = map ? map(m.index! + m[0].length - 1) + 1 : n.end;
            ctx.report({ messageId: 'flag', data: { flag: m[0] }, start, end });
          }
        });
      }
    },
  },
});
