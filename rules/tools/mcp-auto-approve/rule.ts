import { getProp, getValue } from '../../../server/src/analyzers/data';
import { claudeSettings, mcpConfig, removeArrayItem } from '../../../server/src/analyzers/data/toolConfig';
import type { DataNode, DataProperty } from '../../../server/src/engine/views';
import { defineRule } from '../../../server/src/engine/rule';

/** Claude Code allow rules that approve every shell command or every MCP tool. */
const WILDCARD_ALLOW = /^(\*|Bash|Bash\(\s*\*?\s*(:\s*\*)?\s*\)|mcp__\*)$/;

export default defineRule({
  meta: {
    id: 'mcp-auto-approve',
    name: 'McpAutoApprove',
    shortDescription: 'Agent tools are approved in advance, so the model runs them without a human confirming each call.',
    fullDescription: 'Auto-approval lists (Cline/Roo `alwaysAllow`, `autoApprove`), VS Code `chat.tools.autoApprove` and Claude Code allow rules such as `Bash(*)` or `mcp__*` remove the confirmation step that stops a prompt-injected agent from running shell commands, writing files or sending data. One poisoned web page, issue or tool result is then enough to act with your privileges.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM06'],
    cwe: [862, 250],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'GOVERN 3.2'], euAiAct: ['Art. 14'], iso42001: ['A.9.2', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      serverList: 'MCP server "{{server}}" auto-approves {{tools}}: the agent calls these tools without asking you.',
      serverAll: 'MCP server "{{server}}" auto-approves every tool: the agent calls them without asking you.',
      vscodeGlobal: '`{{key}}: true` auto-approves every agent tool call in VS Code, including terminal commands and MCP tools.',
      claudeAllow: 'Claude Code allow rule "{{entry}}" approves {{what}} without asking.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      const reportList = (server: string, prop: DataProperty): void => {
        const v = prop.value;
        if (v.type === 'boolean' && v.value === true) {
          ctx.report({ messageId: 'serverAll', data: { server }, start: prop.keyStart, end: v.end, fixes: [{ title: 'Stop auto-approving (set to false)', kind: 'suggestion', edits: [{ start: v.start, end: v.end, newText: 'false' }] }] });
          return;
        }
        const items = v.type === 'array' ? (v.items ?? []) : [];
        if (items.length === 0) return;
        const names = items.map((i) => String(i.value));
        const all = names.some((n) => n === '*');
        const tools = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
        ctx.report({ messageId: all ? 'serverAll' : 'serverList', data: { server, tools }, start: prop.keyStart, end: v.end, fixes: [{ title: 'Empty the auto-approve list', kind: 'suggestion', edits: [{ start: v.start, end: v.end, newText: '[]' }] }] });
      };

      const config = mcpConfig(view);
      for (const server of config?.servers ?? []) {
        if (server.alwaysAllow) reportList(server.name, server.alwaysAllow);
        if (server.autoApprove) reportList(server.name, server.autoApprove);
      }

      // VS Code settings.json: flat dotted keys or nested objects
      if (view.fileName === 'settings.json' || view.fileName.endsWith('.code-workspace')) {
        const root = view.roots[0];
        const scopes: DataNode[] = root ? [root] : [];
        const settings = getValue(root, 'settings');
        if (settings) scopes.push(settings);
        for (const scope of scopes) {
          for (const key of ['chat.tools.autoApprove', 'chat.tools.global.autoApprove']) {
            const parts = key.split('.');
            const candidates: (DataProperty | undefined)[] = [getProp(scope, key), getProp(getValue(scope, ...parts.slice(0, -1)), parts[parts.length - 1]), getProp(getValue(scope, 'chat'), parts.slice(1).join('.'))];
            for (const prop of candidates) {
              if (prop?.value.type === 'boolean' && prop.value.value === true) {
                ctx.report({ messageId: 'vscodeGlobal', data: { key }, start: prop.keyStart, end: prop.value.end, fixes: [{ title: 'Turn off global auto-approve', kind: 'suggestion', edits: [{ start: prop.value.start, end: prop.value.end, newText: 'false' }] }] });
              }
            }
          }
        }
      }

      const claude = claudeSettings(view);
      if (claude?.allowNode) {
        (claude.allowNode.items ?? []).forEach((item, index) => {
          if (item.type !== 'string') return;
          const entry = String(item.value).trim();
          if (!WILDCARD_ALLOW.test(entry)) return;
          const what = entry.startsWith('mcp__') ? 'every tool of the matching MCP servers' : entry === '*' ? 'every tool' : 'every shell command';
          ctx.report({ messageId: 'claudeAllow', data: { entry, what }, start: item.start, end: item.end, fixes: [{ title: `Remove "${entry}" from permissions.allow`, kind: 'suggestion', edits: [removeArrayItem(view, claude.allowNode!, index)] }] });
        });
      }
    },
  },
});
