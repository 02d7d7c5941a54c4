// Injected on demand with chrome.scripting.executeScript; returns the page content.
export function extractPage(): { title: string; url: string; text: string; selection: string } {
  const main = document.querySelector("article, main, [role=main]") ?? document.body;
  const clone = main.cloneNode(true) as HTMLElement;
  clone.querySelectorAll("script, style, nav, footer, noscript, svg").forEach((el) => el.remove());
  return {
    title: document.title,
    url: location.href,
    text: (clone.innerText || clone.textContent || "").replace(/\n{3,}/g, "\n\n").trim(),
    selection: window.getSelection()?.toString() ?? "",
  };
}
