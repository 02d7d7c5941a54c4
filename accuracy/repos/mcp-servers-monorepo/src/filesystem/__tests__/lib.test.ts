import { describe, expect, it, beforeEach } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setAllowedDirectories, validatePath } from "../lib.js";

describe("validatePath", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "fs-test-"));
    setAllowedDirectories([root]);
  });

  it("accepts files inside the allowed directory", async () => {
    await fs.writeFile(path.join(root, "a.txt"), "x");
    expect(await validatePath(path.join(root, "a.txt"))).toBe(await fs.realpath(path.join(root, "a.txt")));
  });

  it("rejects a sibling directory that shares the prefix", async () => {
    await expect(validatePath(root + "-evil/secret.txt")).rejects.toThrow(/Access denied/);
  });

  it("rejects traversal", async () => {
    await expect(validatePath(path.join(root, "..", "etc", "passwd"))).rejects.toThrow();
  });
});
