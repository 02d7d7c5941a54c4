import prompts from "prompts";
// ruleid: unknown-package-import
import { scaffold } from "acme-scaffold-helperzz";
// ok: unknown-package-import
import { Card } from "@acme/widgets";
// ok: unknown-package-import
import { VectorStoreIndex } from "llamaindex";
// ok: unknown-package-import
import { OpenAI } from "@llamaindex/openai";

export async function main(): Promise<void> {
  const answers = await prompts({ type: "text", name: "dir", message: "Project folder" });
  scaffold(answers.dir, Card, VectorStoreIndex, OpenAI);
}
