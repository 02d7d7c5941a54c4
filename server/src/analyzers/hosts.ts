/**
 * Host names that stand for "some server" in documentation, tests and samples, never a deployed endpoint:
 * the reserved example domains and test TLDs (RFC 2606, RFC 6761), and the classic `foo.com` / `bar.com`
 * placeholders. A plaintext or unverified connection to one of them exposes nothing.
 */
const PLACEHOLDER_DOMAINS = /(^|\.)(example\.(com|org|net|edu)|foo\.(com|org|bar)|bar\.(com|org)|baz\.com|foobar\.com|your-?(domain|host|server|company)\.(com|org|net)|domain\.tld|host\.tld)$/;
const PLACEHOLDER_TLDS = /\.(example|test|invalid|localhost)$/;

export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return PLACEHOLDER_DOMAINS.test(h) || PLACEHOLDER_TLDS.test(h) || h === 'example' || h === 'foo' || h === 'bar';
}

/** localhost, 127.0.0.0/8, ::1, 0.0.0.0 (and `*.localhost`). */
export function isLoopbackHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1' || h === '0.0.0.0';
}

/** The host of an absolute http(s)/ws(s) URL literal, or undefined. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(url.trim());
  return m && m[1] ? m[1].toLowerCase() : undefined;
}
