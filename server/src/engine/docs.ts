/** Rule docs pages (`<id>.md`) have fixed headings; hover, SARIF help and `aisec explain` quote sections of them. */
export function docsSection(docs: string, heading: string): string {
  const start = docs.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = docs.indexOf('\n## ', start + heading.length + 5);
  return docs.slice(start + heading.length + 5, end < 0 ? undefined : end).trim();
}
