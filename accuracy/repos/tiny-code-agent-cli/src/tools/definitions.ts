import type Anthropic from "@anthropic-ai/sdk";

export const toolDefinitions: Anthropic.Tool[] = [
  {
    name: "read_file",
    description: "Read the contents of a file. Use a path relative to the working directory.",
    input_schema: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
  {
    name: "list_files",
    description: "List files and directories at a path (default: working directory).",
    input_schema: { type: "object", properties: { path: { type: "string" } } },
  },
  {
    name: "edit_file",
    description:
      "Replace old_str with new_str in a file. old_str must appear exactly once. If the file does not exist and old_str is empty, the file is created with new_str.",
    input_schema: {
      type: "object",
      properties: { path: { type: "string" }, old_str: { type: "string" }, new_str: { type: "string" } },
      required: ["path", "old_str", "new_str"],
    },
  },
  {
    name: "bash",
    description: "Run a shell command in the working directory and return stdout and stderr.",
    input_schema: { type: "object", properties: { command: { type: "string" } }, required: ["command"] },
  },
  {
    name: "web_fetch",
    description: "Fetch a URL (documentation, issues, API references) and return the text.",
    input_schema: { type: "object", properties: { url: { type: "string" } }, required: ["url"] },
  },
];
