// A bundled terminal-hyperlink helper: zero-width spaces around the URL in the plain-text fallback.
export function terminalLink(text, url, options = {}) {
  if (!supportsHyperlinks()) {
    // ok: hidden-unicode-characters
    return `${text} (​${url}​)`;
  }
  return options.fallback ? options.fallback(text, url) : text;
}

function supportsHyperlinks() {
  return Boolean(process.stdout.isTTY);
}
