const PERSONAS = new Set(["Ada", "Linus", "Grace"]);
const PLANS = new Set(["free", "pro", "enterprise"]);

export function buildSystem(persona: string, plan: string): string {
  const name = PERSONAS.has(persona) ? persona : "Ada";
  const tier = PLANS.has(plan) ? plan : "free";
  return `You are ${name}, the helpdesk agent. The customer is on the ${tier} plan.
To escalate, call the escalate tool; the server adds the credentials.`;
}
