import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editFile, listFiles, readFile } from "../src/tools/files.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "tca-"));
writeFileSync(path.join(dir, "a.ts"), "export const a = 1;\nexport const b = 1;\n");

describe("file tools", () => {
  it("reads and lists", async () => {
    expect(await readFile(dir, "a.ts")).toContain("const a");
    expect(await listFiles(dir)).toContain("a.ts");
  });

  it("edits a unique string", async () => {
    expect(await editFile(dir, "a.ts", "const a = 1", "const a = 2")).toBe("OK");
    expect(readFileSync(path.join(dir, "a.ts"), "utf8")).toContain("const a = 2");
  });

  it("refuses ambiguous edits", async () => {
    expect(await editFile(dir, "a.ts", "= ", "=")).toMatch(/appears \d+ times/);
  });

  it("creates new files", async () => {
    expect(await editFile(dir, "src/new.ts", "", "export {};\n")).toBe("Created src/new.ts");
  });
});
