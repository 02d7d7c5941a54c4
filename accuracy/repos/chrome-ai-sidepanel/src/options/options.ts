import { getSettings, saveSettings } from "../lib/storage";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

(async () => {
  const s = await getSettings();
  $<HTMLInputElement>("apiKey").value = s.apiKey;
  $<HTMLSelectElement>("model").value = s.model;
  $<HTMLInputElement>("language").value = s.language;
})();

$("save").addEventListener("click", async () => {
  const apiKey = $<HTMLInputElement>("apiKey").value.trim();
  if (apiKey && !apiKey.startsWith("sk-")) {
    $("status").textContent = "That does not look like an OpenAI key.";
    return;
  }
  await saveSettings({ apiKey, model: $<HTMLSelectElement>("model").value, language: $<HTMLInputElement>("language").value || "English" });
  $("status").textContent = "Saved.";
});
