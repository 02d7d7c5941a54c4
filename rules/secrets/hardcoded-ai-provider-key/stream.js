// Streams a Grok answer with fetch.
const headers = {
  // ruleid: hardcoded-ai-provider-key
  Authorization: "Bearer xai-CiAhzCueQpBenQtYh5Xj8TPQxjq4i9DoV8gz4FkQ1okTBGzvAmwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc",
};

// ok: hardcoded-ai-provider-key
const docs = "xAI keys look like xai-... and belong in XAI_API_KEY";

export async function ask(prompt) {
  const res = await fetch("https://api.x.ai/v1/chat/completions", { method: "POST", headers, body: JSON.stringify({ model: "grok-4", messages: [{ role: "user", content: prompt }] }) });
  return (await res.json()).choices[0].message.content;
}
export { docs };
