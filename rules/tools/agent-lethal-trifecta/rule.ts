import { propertyOf, mcpConfig, mcpServerCapabilities } from '../../../server/src/analyzers/data/toolConfig';
import type { McpCapability, McpServer } from '../../../server/src/analyzers/data/toolConfig';
import type { DataNode } from '../../../server/src/engine/views';
import { defineRule } from '../../../server/src/engine/rule';

const LEGS: McpCapability[] = ['untrusted', 'private', 'outbound'];

export default defineRule({
  meta: {
    id: 'agent-lethal-trifecta',
    name: 'AgentLethalTrifecta',
    shortDescription: 'The MCP servers of one agent together read untrusted content, reach private data and can send data out: the "lethal trifecta" for prompt-injection data theft.',
    fullDescription: 'An agent that (a) reads content an attacker can write (web pages, issues, email, chat), (b) can read private data (files, databases, private repositories, mailboxes) and (c) can send data somewhere (HTTP requests, messages, comments, pull requests) can be steered by one injected instruction into reading your secrets and sending them out, with no bug in any single server. Split these capabilities across separate agent profiles, or remove one leg, or keep a human approval on every outbound call.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06', 'LLM01', 'LLM02'],
    cwe: [441, 200],
    frameworks: { nistAiRmf: ['MAP 5.1', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.9.2'] },
    fix: 'none',
    messages: {
      trifecta: 'These MCP servers together form the lethal trifecta: untrusted content ({{untrusted}}), private data ({{private}}) and a way to send data out ({{outbound}}). One injected instruction can make the agent exfiltrate private data; split them across agent profiles or keep a human approval on outbound actions.',
    },
  },
  check: {
    data(ctx) {
      const config = mcpConfig(ctx.view);
      if (!config) return;
      // one report per servers map (Claude Code keeps one map per project)
      const groups = new Map<DataNode, McpServer[]>();
      for (const s of config.servers) {
        if (s.disabled) continue;
        const map = s.node.parent;
        if (!map) continue;
        const list = groups.get(map) ?? [];
        list.push(s);
        groups.set(map, list);
      }
      for (const [map, servers] of groups) {
        const providers: Record<McpCapability, string[]> = { untrusted: [], private: [], outbound: [] };
        const contributing = new Set<string>();
        for (const s of servers) {
          const caps = mcpServerCapabilities(ctx.view, s);
          for (const leg of LEGS) if (caps.has(leg)) { providers[leg].push(s.name); }
        }
        if (!LEGS.every((leg) => providers[leg].length > 0)) continue;
        for (const leg of LEGS) for (const n of providers[leg]) contributing.add(n);
        // a single server that covers all three legs alone (e.g. only GitHub) is left to reviewers: too noisy
        if (contributing.size < 2) continue;
        const key = propertyOf(map.parent, map);
        const start = key ? key.keyStart : map.start;
        const end = key ? key.keyEnd : map.start + 1;
        const names = (leg: McpCapability): string => providers[leg].map((n) => `"${n}"`).join(', ');
        ctx.report({ data: { untrusted: names('untrusted'), private: names('private'), outbound: names('outbound') }, start, end });
      }
    },
  },
});
