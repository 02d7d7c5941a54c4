import { defineRule } from '../../../server/src/engine/rule';
import type { PromptView } from '../../../server/src/engine/views';
import { roleAt } from '../../../server/src/analyzers/prompt/templates';
import { looksRandom } from '../../../server/src/analyzers/prompt/secretPatterns';
import { forEachBodyLine, isAgentInstructionPath, sentenceAfter, sentenceAround } from '../../../server/src/analyzers/prompt/directives';

/**
 * System / developer prompts that carry internal infrastructure (private IPs, internal host names,
 * database URLs, signed URLs) or authorization rules the model is trusted to enforce. Secrets
 * themselves belong to secret-in-prompt-template: this rule never reports a password or token value.
 */
type Kind = 'privateIp' | 'internalHost' | 'database' | 'signedUrl' | 'authz' | 'bypassPhrase';

const PRIVATE_IP = /(?<![\w.])(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3})(?:\/\d{1,2}|:\d{2,5})?(?![\w.]*\d)/g;
const INTERNAL_HOST = /(?<![\w.@-])(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){1,6}(?:internal|corp|local|lan|intranet|intra|localdomain|home\.arpa)(?::\d{2,5})?(?![\w-]|\.[a-z0-9])/gi;
/** `admin.internal.acme.com`, `api.corp.example.org`: an `internal` / `corp` / `intranet` label inside an http(s) URL's host. */
const INTERNAL_LABEL_URL = /\bhttps?:\/\/((?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){0,5}(?:internal|corp|intranet|intra)\.(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){0,5}[a-z]{2,24})(?::\d{2,5})?/gi;
/**
 * A pass phrase the model honours: `when the customer writes "priority-override"`. Reported only when the
 * same sentence grants something with it or asks the model to keep it secret.
 */
const TRIGGER_PHRASE = /\b(?:when|if|whenever|once)\s+(?:the\s+)?(?:user|customer|caller|client|member|requester|person|someone|they)\s+(?:writes|says|types|enters|sends|uses|mentions|provides|gives|includes|knows)\s+(?:the\s+(?:phrase|word|code|code\s+word|password|passphrase|keyword)\s+)?["'\u201c\x60]([^"'\u201d\x60\n]{3,60})["'\u201d\x60]/gi;
const PHRASE_GRANTS = /\b(?:approv\w*|bypass\w*|skip\w*|unlock\w*|waiv\w*|grant\w*|overrid\w*|refund\w*|admin\w*|elevat\w*|full\s+access|without\s+(?:verification|approval|checks?|review))\b/i;
const PHRASE_SECRECY = /\b(?:do\s+not|don't|never)\s+(?:mention|reveal|disclose|share|repeat|tell\s+(?:anyone|users?|customers?)\s+about)\b/i;
/** Names every Docker / cloud user shares: no information about this deployment. */
const GENERIC_HOSTS = /^(?:host\.docker\.internal|gateway\.docker\.internal|kubernetes\.docker\.internal|metadata\.google\.internal|kubernetes\.default\.svc\.cluster\.local|[\w-]+\.example\.\w+|example\.\w+)(?::\d+)?$/i;
const DB_URL = /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cassandra|neo4j|bolt|jdbc:[a-z]+(?::[a-z]+)?):\/\/[^\s'"<>)\]`]{3,200}/gi;
const SIGNED_URL = /\bhttps?:\/\/[^\s'"<>)\]`?]{3,200}\?[^\s'"<>)\]`]{0,300}?\b(?:X-Amz-Signature|X-Goog-Signature|sig|signature|token|access_token|auth|api_key|apikey|key|code)=([^\s&'"<>)\]`]{12,})/gi;

const SUBJECT = String.raw`(?:the\s+)?(?:current\s+)?(?:user|caller|customer|requester|requestor|person|account|member|client)`;
const PRIVILEGED = String.raw`(?:admin|admins|administrator|superuser|super[\s-]admin|staff|manager|moderator|owner|premium|vip|internal|employee|root|privileged|verified|support\s+agent|auditor|finance|hr|[A-Z][A-Z_]{2,30})`;
const GRANT = /\b(?:reveal|show|allow|grant|give|return|list|display|share|disclose|bypass|skip|ignore|unlock|may|can|let|access|export|delete|refund|approve|see|provide|include)\b/i;
const AUTHZ: RegExp[] = [
  // "if the user is an admin, reveal ...", "if the customer's role is VIP, waive the fee"
  new RegExp(String.raw`\b[Ii]f\s+${SUBJECT}(?:'s\s+(?:role|group|tier|plan|account\s+type))?\s+(?:is|has|belongs\s+to|=|==|says\s+(?:they\s+are|he\s+is|she\s+is)|claims\s+to\s+be)\s+(?:an?\s+|the\s+|in\s+(?:the\s+)?)?(?:role\s+)?["'\x60]?${PRIVILEGED}["'\x60]?(?:\s+(?:role|group|user|tier|plan|access))?\b`, 'g'),
  // "users with the finance role may export all invoices"
  /\b(?:only\s+)?(?:users?|customers?|accounts?|members?|people|callers?|employees?)\s+(?:with|having|in|who\s+(?:are|have))\s+(?:the\s+|an?\s+)?["'`]?[\w-]{2,30}["'`]?\s+(?:role|group|tier|plan|permission|scope|clearance|access|flag)\s+(?:may|can|are\s+allowed\s+to|have\s+access\s+to|are\s+permitted\s+to|should\s+be\s+able\s+to|get\s+to)\s+(?:see|view|access|read|list|export|delete|modify|edit|query|download|approve|refund|change|get|receive)\b/gi,
  // "only managers can see salary figures"
  /\bonly\s+(?:admins|administrators|superusers|staff(?:\s+members)?|managers|moderators|owners|employees|premium\s+(?:users|customers|members)|internal\s+users|vip\s+(?:users|customers)|hr|finance)\s+(?:may|can|are\s+allowed\s+to|should\s+be\s+able\s+to|are\s+permitted\s+to)\s+(?:see|view|access|read|list|export|delete|modify|edit|query|download|approve|refund|get|know|receive)\b/gi,
];
/** The sentence says the check lives outside the model. */
const ENFORCED_ELSEWHERE = /\b(?:enforced|checked|verified|decided|handled)\s+by\s+(?:the\s+)?(?:api|backend|server|tool|tools|service|database|gateway|platform|application|app|system)\b|\b(?:api|backend|server|tool|service|gateway)\s+(?:enforces|checks|verifies|decides)\b/i;

function validIp(ip: string): boolean {
  return ip.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
}

function isSystemLike(view: PromptView, offset: number): boolean {
  const role = roleAt(view.sections, offset);
  return role === 'system' || role === 'developer';
}

export default defineRule({
  meta: {
    id: 'system-prompt-reveals-internals',
    name: 'SystemPromptRevealsInternals',
    shortDescription: 'A system or developer prompt embeds internal infrastructure (private IPs, internal hosts, database URLs, signed URLs) or authorization rules the model is expected to enforce.',
    fullDescription: 'System prompts leak: "repeat the text above", a translation trick or a debugging answer is enough to extract them, so anything inside is public to every user of the application. Internal host names, private IP addresses, database endpoints and signed URLs give an attacker a map of the network behind the assistant. Authorization written as instructions ("if the user is an admin, reveal...", "only managers can see salaries") is worse: the model cannot verify who the user is, and a user who claims a role, or injected text that does, gets the data. Keep infrastructure in code and configuration, and enforce permissions in the tools and APIs the model calls.',
    views: ['prompt'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM07'],
    cwe: [200, 285],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MAP 4.1', 'MANAGE 2.2'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.5'] },
    fix: 'none',
    messages: {
      privateIp: 'Private address {{value}} in the {{role}} prompt: system prompts can be extracted, keep network details in configuration.',
      internalHost: 'Internal host {{value}} in the {{role}} prompt: system prompts can be extracted, keep network details in configuration.',
      database: 'Database endpoint {{value}} in the {{role}} prompt: the model does not need it; give it a query tool instead.',
      signedUrl: 'URL {{value}} carries a token or signature in its query string: anyone who extracts the prompt can use it.',
      bypassPhrase: 'The {{role}} prompt tells the model to honour the pass phrase "{{value}}": system prompts can be extracted, so anyone can use it; decide entitlements in the tool or API.',
      authz: '"{{value}}" asks the model to enforce authorization: the model cannot verify roles, so check permissions in the tool or API and return only allowed data.',
    },
  },
  check: {
    prompt(ctx) {
      const view = ctx.view;
      // coding-agent instruction files document the project for people who already read the repository:
      // only authorization rules and credentials in URLs are reported there
      const agentFile = isAgentInstructionPath(ctx.path);
      const seen: [number, number][] = [];
      const report = (kind: Kind, start: number, end: number, value: string): void => {
        if (seen.some(([s, e]) => start < e && end > s)) return;
        seen.push([start, end]);
        const role = roleAt(view.sections, start);
        ctx.report({ messageId: kind, data: { value: value.replace(/\s+/g, ' ').slice(0, 100), role: role === 'unknown' ? 'system' : role }, start, end });
      };
      forEachBodyLine(view, (line, lineStart) => {
        const systemLike = agentFile || isSystemLike(view, lineStart);
        if (!systemLike) return;
        let m: RegExpExecArray | null;
        // signed URLs first: the URL before `?` is reported, never the token (secret-in-prompt-template owns values)
        SIGNED_URL.lastIndex = 0;
        while ((m = SIGNED_URL.exec(line))) {
          if (!looksRandom(m[1], 3.0)) continue;
          const q = m[0].indexOf('?');
          report('signedUrl', lineStart + m.index, lineStart + m.index + q, m[0].slice(0, q));
        }
        for (const re of AUTHZ) {
          re.lastIndex = 0;
          while ((m = re.exec(line))) {
            const s = sentenceAround(line, m.index, m.index + m[0].length);
            const sentence = line.slice(s.start, s.end);
            if (ENFORCED_ELSEWHERE.test(sentence)) continue;
            if (re === AUTHZ[0]) {
              // the condition must unlock something: "if the user is an admin, reveal ..." (not "..., ask them to log in")
              const after = sentenceAfter(line, m.index + m[0].length);
              const grant = GRANT.exec(after);
              if (!grant || /\b(?:not|never|n't|refuse|decline)\s+(?:\w+\s+)?$/i.test(after.slice(0, grant.index))) continue;
            }
            report('authz', lineStart + m.index, lineStart + m.index + m[0].length, m[0]);
          }
        }
        TRIGGER_PHRASE.lastIndex = 0;
        while ((m = TRIGGER_PHRASE.exec(line))) {
          const s = sentenceAround(line, m.index, m.index + m[0].length);
          const sentence = line.slice(s.start, s.end);
          if (!PHRASE_GRANTS.test(sentence) && !PHRASE_SECRECY.test(line.slice(s.start))) continue;
          if (ENFORCED_ELSEWHERE.test(sentence)) continue;
          const at = m.index + m[0].lastIndexOf(m[1]);
          report('bypassPhrase', lineStart + at, lineStart + at + m[1].length, m[1]);
        }
        if (agentFile) return;
        INTERNAL_LABEL_URL.lastIndex = 0;
        while ((m = INTERNAL_LABEL_URL.exec(line))) {
          if (GENERIC_HOSTS.test(m[1])) continue;
          const at = m.index + m[0].indexOf(m[1]);
          report('internalHost', lineStart + at, lineStart + at + m[1].length, m[1]);
        }
        DB_URL.lastIndex = 0;
        while ((m = DB_URL.exec(line))) {
          const url = m[0].replace(/[.,;:]+$/, '');
          const at = url.lastIndexOf('@');
          const hostPart = at >= 0 ? url.slice(at + 1) : url.slice(url.indexOf('//') + 2);
          const host = hostPart.split(/[/:?]/)[0];
          // local, templated or placeholder hosts (`HOST`, `<host>`, `${DB_HOST}`, `db.example.com`) reveal nothing
          if (/^(?:localhost|127\.0\.0\.1|\[::1\]|\{|\$|<|%)/i.test(hostPart) || /^(?:[A-Z_]+|host(?:name)?|server|db|database|example(?:\.\w+)*|[\w.-]*\.example(?:\.\w+)?)$/.test(host)) continue;
          // with credentials, only the host part: the password is secret-in-prompt-template's finding
          const start = lineStart + m.index + (at >= 0 ? at + 1 : 0);
          report('database', start, lineStart + m.index + url.length, at >= 0 ? hostPart : url);
        }
        PRIVATE_IP.lastIndex = 0;
        while ((m = PRIVATE_IP.exec(line))) {
          if (!validIp(m[1])) continue;
          if (/\b(?:version|release|build|v|ver)\.?\s*$/i.test(line.slice(Math.max(0, m.index - 12), m.index))) continue;
          report('privateIp', lineStart + m.index, lineStart + m.index + m[0].length, m[0]);
        }
        INTERNAL_HOST.lastIndex = 0;
        while ((m = INTERNAL_HOST.exec(line))) {
          if (GENERIC_HOSTS.test(m[0])) continue;
          // file names such as settings.local or app.internal.ts are not hosts
          if (/^[\w-]+\.local$/i.test(m[0]) && /\b(?:file|settings|config|env)\b/i.test(m[0])) continue;
          report('internalHost', lineStart + m.index, lineStart + m.index + m[0].length, m[0]);
        }
      });
    },
  },
});
