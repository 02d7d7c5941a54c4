import { existsSync, readFileSync, writeFileSync } from "node:fs";

const FILE = process.env.PERSONA_FILE ?? "personas.json";
let cache: Record<string, string> | undefined;

function load(): Record<string, string> {
  if (!cache) cache = existsSync(FILE) ? JSON.parse(readFileSync(FILE, "utf8")) : {};
  return cache ?? {};
}

export function getPersona(channel: string): string | undefined {
  return load()[channel];
}

export function setPersona(channel: string, persona: string | undefined): void {
  const all = load();
  if (persona) all[channel] = persona.slice(0, 500);
  else delete all[channel];
  writeFileSync(FILE, JSON.stringify(all, null, 2));
}
