import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { needsApproval } from "../src/permissions.js";

describe("needsApproval", () => {
  const config = loadConfig("/nonexistent", { autoApprove: ["read_file"] });

  it("auto-approves listed tools", () => {
    expect(needsApproval("read_file", config)).toBe(false);
  });

  it("asks for bash", () => {
    expect(needsApproval("bash", config)).toBe(true);
  });

  it("never asks in yolo mode", () => {
    expect(needsApproval("bash", { ...config, yolo: true })).toBe(false);
  });
});
