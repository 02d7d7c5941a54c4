import { jsFlow, propName, pythonFlow, kids } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';
import { pyFactoryBehindOptIn } from '../../../server/src/analyzers/python/optIn';

/** Opt-ins LangChain requires before it runs model-written code, fetches model-chosen URLs or unpickles files. */
const PY_OPTIONS = new Map<string, { risk: string }>(Object.entries({
  allow_dangerous_code: { risk: 'executes code the model writes (Python REPL / pandas agents)' },
  allow_dangerous_requests: { risk: 'lets the model send HTTP requests to any URL (SSRF, data exfiltration)' },
  allow_dangerous_deserialization: { risk: 'unpickles the stored index or object, which runs code from the file' },
  allow_dangerous_tools: { risk: 'enables tools that can run commands or reach the network' },
}));
const JS_OPTIONS = new Map<string, string>(Object.entries({
  allowDangerousRequests: 'allow_dangerous_requests',
  allowDangerousCode: 'allow_dangerous_code',
  allowDangerousDeserialization: 'allow_dangerous_deserialization',
}));

export default defineRule({
  meta: {
    id: 'langchain-dangerous-option',
    name: 'LangchainDangerousOption',
    shortDescription: 'A LangChain "allow dangerous" opt-in is enabled.',
    fullDescription: 'LangChain refuses to run model-written code, send model-chosen HTTP requests or unpickle stored objects unless the caller sets allow_dangerous_code, allow_dangerous_requests or allow_dangerous_deserialization. Setting them hands those capabilities to whoever can steer the model or supply the file: prompt injection becomes code execution, SSRF or arbitrary deserialization.',
    views: ['python', 'js'],
    // pre-filter: the option names (keyword or property)
    prefilter: { words: ['allow_dangerous_code', 'allow_dangerous_requests', 'allow_dangerous_deserialization', 'allow_dangerous_tools', 'allowDangerousRequests', 'allowDangerousCode', 'allowDangerousDeserialization'] },
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM06', 'LLM05', 'LLM03'],
    cwe: [94, 918, 502],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15', 'Art. 14'], iso42001: ['A.6.2.4', 'A.9.2'] },
    fix: 'none',
    messages: {
      enabled: '`{{option}}` {{risk}}. Run this in an isolated sandbox with no secrets, or remove the capability.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const args = call.childForFieldName('arguments');
        if (!args) continue;
        for (const a of kids(args)) {
          if (a.type !== 'keyword_argument') continue;
          const name = a.childForFieldName('name')?.text ?? '';
          const value = a.childForFieldName('value');
          const option = PY_OPTIONS.get(name);
          // a private factory stored in a registry that refuses unless the caller opts in: the opt-in is the caller's
          if (option && value?.type === 'true' && !pyFactoryBehindOptIn(ctx.view.root, call)) ctx.report({ data: { option: name, risk: option.risk }, start: a.startIndex, end: a.endIndex });
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const p of flow.properties) {
        const name = propName(p);
        const option = name ? PY_OPTIONS.get(JS_OPTIONS.get(name) ?? '') : undefined;
        if (!name || !option) continue;
        if (p.value.type === 'Literal' && p.value.value === true) {
          ctx.report({ data: { option: name, risk: option.risk }, start: p.range[0], end: p.range[1] });
        }
      }
    },
  },
});
