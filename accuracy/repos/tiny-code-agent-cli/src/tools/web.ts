export async function webFetch(url: string): Promise<string> {
  const res = await fetch(url, { headers: { "user-agent": "tca/0.5" }, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  const plain = text
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
  return `HTTP ${res.status}\n${plain.slice(0, 40_000)}`;
}
