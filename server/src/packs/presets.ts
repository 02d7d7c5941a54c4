/**
 * Built-in presets (`extends: aisec:<name>`), derived from rule metadata rather than hand-written lists,
 * so a new rule lands in the right presets by its views, OWASP ids, tags and opt-in flag.
 */
import type { EffectiveConfig } from '../engine/config';
import { defaultConfig } from '../engine/config';
import type { RuleMeta } from '../engine/model';
import type { RegisteredRule } from '../engine/rule';

/** Rules that keep the engine honest (suppression hygiene) stay on in every preset. */
const ALWAYS_ON = new Set(['invalid-suppression', 'analysis-incomplete']);

const AGENT_WORDS = /\b(agent|agents|agentic|tool|tools|mcp)\b|(^|-)(agent|tool|mcp)(-|$)/;

function isAgentRule(m: RuleMeta): boolean {
  if (m.views.includes('data') || m.views.includes('prompt')) return true;
  if ((m.tags ?? []).some((t) => AGENT_WORDS.test(t)) || AGENT_WORDS.test(m.id)) return true;
  // code rules about what an agent may do (LLM06 Excessive Agency)
  return m.owasp.includes('LLM06');
}

export interface Preset {
  name: string;
  description: string;
  build(rules: readonly RegisteredRule[]): EffectiveConfig;
}

function only(rules: readonly RegisteredRule[], keep: (m: RuleMeta) => boolean): EffectiveConfig {
  const c = defaultConfig();
  for (const r of rules) if (!ALWAYS_ON.has(r.meta.id) && !keep(r.meta)) c.rules[r.meta.id] = { severity: 'off', options: {} };
  return c;
}

export const PRESETS: Preset[] = [
  { name: 'aisec:recommended', description: 'every rule at its default severity; low-confidence audit rules stay off', build: () => defaultConfig() },
  {
    name: 'aisec:strict',
    description: 'every rule on, opt-in audit rules too; info findings become warnings',
    build(rules) {
      const c = defaultConfig();
      for (const r of rules) c.rules[r.meta.id] = { severity: r.meta.severity === 'info' ? 'warning' : r.meta.severity, options: {} };
      return c;
    },
  },
  { name: 'aisec:agents', description: 'agent, tool and MCP rules only: data and prompt files plus code rules about tools and agency (LLM06)', build: (rules) => only(rules, isAgentRule) },
  { name: 'aisec:supply-chain', description: 'supply-chain rules only (OWASP LLM03: models, packages, MCP servers)', build: (rules) => only(rules, (m) => m.owasp.includes('LLM03')) },
  {
    name: 'aisec:all',
    description: 'every rule on at its default severity, opt-in audit rules too',
    build(rules) {
      const c = defaultConfig();
      for (const r of rules) c.rules[r.meta.id] = { severity: r.meta.severity, options: {} };
      return c;
    },
  },
];

export function presetNames(): string[] {
  return PRESETS.map((p) => p.name);
}

export function buildPreset(name: string, rules: readonly RegisteredRule[]): EffectiveConfig | undefined {
  return PRESETS.find((p) => p.name === name)?.build(rules);
}
