export interface Settings {
  apiKey: string;
  model: string;
  language: string;
}

const DEFAULTS: Settings = { apiKey: "", model: "gpt-4o-mini", language: "English" };

export async function getSettings(): Promise<Settings> {
  const stored = await chrome.storage.local.get(Object.keys(DEFAULTS));
  return { ...DEFAULTS, ...stored } as Settings;
}

export async function saveSettings(settings: Partial<Settings>): Promise<void> {
  await chrome.storage.local.set(settings);
}
