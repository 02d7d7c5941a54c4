import { getProp, getValue } from '../../../server/src/analyzers/data';
import { insertPropertyEdit, propertyOf, toolDefinitions } from '../../../server/src/analyzers/data/toolConfig';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';

export default defineRule({
  meta: {
    id: 'tool-schema-allows-additional-properties',
    name: 'ToolSchemaAllowsAdditionalProperties',
    shortDescription: 'A tool\'s input schema does not set `additionalProperties: false`, so the model may pass arguments the schema never declared.',
    fullDescription: 'Without `additionalProperties: false` on the top-level `parameters` / `input_schema` / `inputSchema` object, a tool call may carry extra keys (`sidenote`, `debug`, `shell`) that validation lets through and that handlers which spread or forward their arguments pass on. OpenAI strict function calling rejects a schema without it. Declaring every argument and closing the object makes the schema the complete contract of what the model may send.',
    views: ['data'],
    severity: 'info',
    practice: true,
    confidence: 'high',
    // schema hygiene with no exploit of its own: on in aisec:strict / aisec:all, off in aisec:recommended
    optIn: true,
    owasp: ['LLM06'],
    cwe: [20],
    frameworks: { nistAiRmf: ['MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      strictMissing: 'Tool "{{tool}}" sets `strict: true` but its parameters object has no `additionalProperties: false`: strict function calling requires it, and the API rejects the schema.',
      strictOpen: 'Tool "{{tool}}" sets `strict: true` but allows additional properties: strict function calling requires `additionalProperties: false`.',
      missing: 'The input schema of tool "{{tool}}" does not set `additionalProperties: false`: calls may carry undeclared arguments.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      for (const t of toolDefinitions(view)) {
        const schema = t.schema;
        if (schema?.type !== 'object' || getProp(schema, '$ref')) continue;
        const type = getValue(schema, 'type');
        if (type?.value !== 'object' && !(type === undefined && getProp(schema, 'properties'))) continue;
        const fn = getValue(t.node, 'function');
        const holder = fn?.type === 'object' && getValue(fn, 'parameters') === schema ? fn : t.node;
        const strict = getValue(holder, 'strict')?.value === true || getValue(t.node, 'strict')?.value === true;
        const additional = getProp(schema, 'additionalProperties');
        const key = propertyOf(holder, schema);
        const start = key?.keyStart ?? schema.start;
        const end = key?.keyEnd ?? schema.start + 1;
        if (additional) {
          if (strict && additional.value.value !== false) {
            const fixes: Fix[] = [{ title: 'Set additionalProperties to false', kind: 'suggestion', edits: [{ start: additional.value.start, end: additional.value.end, newText: 'false' }] }];
            ctx.report({ messageId: 'strictOpen', data: { tool: t.name }, start: additional.keyStart, end: additional.value.end, fixes });
          }
          continue;
        }
        const edit = insertPropertyEdit(view, schema, 'additionalProperties', 'false');
        const fixes: Fix[] = edit ? [{ title: 'Add "additionalProperties": false', kind: 'suggestion', edits: [edit] }] : [];
        ctx.report({ messageId: strict ? 'strictMissing' : 'missing', data: { tool: t.name }, start, end, fixes });
      }
    },
  },
});
