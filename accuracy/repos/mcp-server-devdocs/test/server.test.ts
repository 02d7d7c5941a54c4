import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Config } from "../src/lib/config.js";
import { createServer } from "../src/server.js";

const docsRoot = path.resolve(__dirname, "fixtures/docs");

async function connect(config: Partial<Config> = {}, fetchImpl?: typeof fetch) {
  const server = createServer({ docsRoot, repoRoot: path.resolve(__dirname, ".."), maxFileBytes: 4096, ...config }, fetchImpl);
  const [clientT, serverT] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test", version: "0.0.0" });
  await Promise.all([server.connect(serverT), client.connect(clientT)]);
  return client;
}

const textOf = (r: any) => r.content.map((c: any) => c.text).join("");

describe("devdocs server", () => {
  let client: Client;
  beforeEach(async () => {
    client = await connect();
  });

  it("lists tools with read-only annotations", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["git_log", "git_show", "list_docs", "read_doc", "search_docs"]);
    expect(tools.every((t) => t.annotations?.readOnlyHint)).toBe(true);
  });

  it("lists and reads docs", async () => {
    expect(textOf(await client.callTool({ name: "list_docs", arguments: {} }))).toBe("guides/install.md\nindex.md");
    expect(textOf(await client.callTool({ name: "read_doc", arguments: { path: "guides/install.md" } }))).toContain("Node 20");
  });

  it("refuses paths outside the docs root", async () => {
    const r = await client.callTool({ name: "read_doc", arguments: { path: "../../package.json" } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/outside the docs root/);
  });

  it("searches", async () => {
    expect(textOf(await client.callTool({ name: "search_docs", arguments: { query: "install" } }))).toContain("index.md:3:");
  });

  it("validates git_show input", async () => {
    const r = await client.callTool({ name: "git_show", arguments: { sha: "HEAD; rm -rf /" } });
    expect(r.isError).toBe(true);
  });
});

describe("list_issues", () => {
  it("uses the configured repository and hides pull requests", async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify([
        { number: 1, title: "Crash on start", state: "open", html_url: "", labels: [{ name: "bug" }] },
        { number: 2, title: "Add feature", state: "open", html_url: "", labels: [], pull_request: {} },
      ])),
    );
    const client = await connect({ githubRepo: "acme/widgets" }, fetchMock as unknown as typeof fetch);
    const r = await client.callTool({ name: "list_issues", arguments: { label: "bug" } });
    expect(textOf(r)).toBe("#1 [open] Crash on start (bug)");
    const url = (fetchMock.mock.calls[0] as unknown[])[0] as URL;
    expect(url.origin + url.pathname).toBe("https://api.github.com/repos/acme/widgets/issues");
    expect(url.searchParams.get("labels")).toBe("bug");
  });
});
