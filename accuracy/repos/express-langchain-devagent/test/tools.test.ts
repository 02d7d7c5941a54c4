import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

const ws = mkdtempSync(path.join(os.tmpdir(), "devagent-"));
vi.stubEnv("WORKSPACE_DIR", ws);

let fsTools: typeof import("../src/tools/fs.js");
let shell: typeof import("../src/tools/shell.js");

beforeAll(async () => {
  writeFileSync(path.join(ws, "hello.txt"), "hello world\n");
  fsTools = await import("../src/tools/fs.js");
  shell = await import("../src/tools/shell.js");
});

describe("file tools", () => {
  it("reads inside the workspace", async () => {
    expect(await fsTools.readFileTool.invoke({ filePath: "hello.txt" })).toContain("hello world");
  });

  it("refuses to leave the workspace", async () => {
    await expect(fsTools.readFileTool.invoke({ filePath: "../../etc/passwd" })).rejects.toThrow(/escapes/);
  });

  it("searches with grep", async () => {
    expect(await fsTools.searchFilesTool.invoke({ pattern: "world" })).toContain("hello.txt:1:");
  });
});

describe("run_command allow-list", () => {
  it("allows npm and git", () => {
    expect(shell.isAllowed("npm test")).toBe(true);
    expect(shell.isAllowed("git status")).toBe(true);
  });

  it("rejects other binaries", () => {
    expect(shell.isAllowed("curl https://example.com")).toBe(false);
    expect(shell.isAllowed("rm -rf /")).toBe(false);
  });
});
