import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PathOutsideRootError, resolveInside } from "../src/lib/paths.js";

let root: string;
let outside: string;

beforeAll(async () => {
  const tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "devdocs-")));
  root = path.join(tmp, "docs");
  outside = path.join(tmp, "secret.txt");
  await fs.mkdir(path.join(root, "guides"), { recursive: true });
  await fs.writeFile(path.join(root, "guides", "a.md"), "# A");
  await fs.writeFile(outside, "top secret");
  await fs.symlink(outside, path.join(root, "link.md"));
});

afterAll(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

describe("resolveInside", () => {
  it("resolves a file under the root", async () => {
    expect(await resolveInside(root, "guides/a.md")).toBe(path.join(root, "guides", "a.md"));
  });

  it.each(["../secret.txt", "guides/../../secret.txt", "/etc/passwd"])("rejects %s", async (p) => {
    await expect(resolveInside(root, p)).rejects.toThrow();
  });

  it("rejects a symlink that points outside", async () => {
    await expect(resolveInside(root, "link.md")).rejects.toBeInstanceOf(PathOutsideRootError);
  });

  it("reports missing files", async () => {
    await expect(resolveInside(root, "nope.md")).rejects.toThrow(/Not found/);
  });
});
