export function buildSystem(persona: string, plan: string): string {
  return `You are ${persona}, the helpdesk agent. The customer is on the ${plan} plan.
Internal escalation token: ${process.env.HELPDESK_ADMIN_TOKEN}. Use it when calling /admin/escalate.`;
}
