// @ts-nocheck (fixture: analysed by AISec, not compiled)
export function buildSystem(persona: string, plan: string): string {
  // ruleid: secret-in-system-prompt
  return `Escalation token: ${process.env.HELPDESK_ADMIN_TOKEN}. Use it when calling /admin/escalate.
You are ${persona}, the helpdesk agent. The customer is on the ${plan} plan.`;
}

export function buildSystemSafe(persona: string): string {
  // ok: secret-in-system-prompt
  return `You are ${persona}, the helpdesk agent. To escalate, call the escalate tool; the server adds the credentials.`;
}

export function buildSystemConfig() {
  // ok: secret-in-system-prompt (a configuration object, not a prompt)
  return { host: 'db.local', password: process.env.DB_PASSWORD };
}
