import { listDirectoryTool, readFileTool, searchFilesTool, writeFileTool } from "./fs.js";
import { runCommandTool } from "./shell.js";
import { fetchUrlTool } from "./web.js";

export const allTools = [readFileTool, writeFileTool, listDirectoryTool, searchFilesTool, runCommandTool, fetchUrlTool];
