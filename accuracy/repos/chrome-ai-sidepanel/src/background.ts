import { extractPage } from "./content";
import { complete } from "./lib/openai";
import { type ChatMessage, questionMessages, summarizeMessages } from "./lib/prompt";
import { getSettings } from "./lib/storage";

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: "explain-selection", title: "Explain with Page Pilot", contexts: ["selection"] });
  chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});

async function pageOf(tabId: number) {
  const [res] = await chrome.scripting.executeScript({ target: { tabId }, func: extractPage });
  return res.result as ReturnType<typeof extractPage>;
}

type Request =
  | { type: "summarize"; tabId: number }
  | { type: "ask"; tabId: number; question: string; history: ChatMessage[] };

chrome.runtime.onMessage.addListener((msg: Request, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  (async () => {
    const { language } = await getSettings();
    const page = await pageOf(msg.tabId);
    const messages = msg.type === "summarize" ? summarizeMessages(page, language) : questionMessages(page, msg.history, msg.question, language);
    return complete(messages);
  })()
    .then((answer) => sendResponse({ ok: true, answer }))
    .catch((err: Error) => sendResponse({ ok: false, error: err.message }));
  return true;
});

chrome.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== "explain-selection" || !tab?.id) return;
  await chrome.sidePanel.open({ tabId: tab.id });
  const { language } = await getSettings();
  const answer = await complete([
    { role: "system", content: `Explain the text the user selected on a web page, in ${language}, in plain words. Use Markdown.` },
    { role: "user", content: info.selectionText ?? "" },
  ]);
  await chrome.storage.session.set({ pendingAnswer: { question: `Explain: ${info.selectionText?.slice(0, 80)}`, answer } });
});
