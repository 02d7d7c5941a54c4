import { editFile, listFiles, readFile } from "./files.js";
import { runBash } from "./shell.js";
import { webFetch } from "./web.js";

export type ToolInput = Record<string, string | undefined>;

export async function executeTool(name: string, input: ToolInput, cwd: string): Promise<string> {
  switch (name) {
    case "read_file":
      return readFile(cwd, input.path ?? "");
    case "list_files":
      return listFiles(cwd, input.path);
    case "edit_file":
      return editFile(cwd, input.path ?? "", input.old_str ?? "", input.new_str ?? "");
    case "bash":
      return runBash(cwd, input.command ?? "");
    case "web_fetch":
      return webFetch(input.url ?? "");
    default:
      return `Unknown tool ${name}`;
  }
}
