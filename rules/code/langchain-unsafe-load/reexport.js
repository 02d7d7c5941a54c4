// A package re-exporting LangChain's loader under its own `load` API: the text is whatever its callers pass,
// and those call sites are where this rule reports.
import { load as coreLoad } from "@langchain/core/load";
import { importMap } from "./import_map.js";

export async function load(text, secretsMap = {}, additionalImportsMap = {}, secretsFromEnv) {
  // ok: langchain-unsafe-load
  return coreLoad(text, { secretsMap, importMap: { ...importMap, ...additionalImportsMap }, secretsFromEnv });
}

export async function restoreSession(saved) {
  // its own saved state, fixed defaults (no environment secrets, core classes plus the given map)
  // ok: langchain-unsafe-load
  return coreLoad(saved, { importMap });
}

export async function restoreWithEntrypoints(saved) {
  // ruleid: langchain-unsafe-load
  return coreLoad(saved, { importMap, optionalImportEntrypoints: ["langchain_community/chat_models/ollama"] });
}
