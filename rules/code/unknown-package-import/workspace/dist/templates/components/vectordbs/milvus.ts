// Copied into the generated project, whose package.json the tool writes: not the tool's own imports.
// ok: unknown-package-import
import { MilvusVectorStore } from "@llamaindex/milvus";
// ok: unknown-package-import
import { MilvusClient } from "@zilliz/milvus2-sdk-node";
// ok: unknown-package-import
import { rerank } from "acme-template-only-rerankerzz";

export function vectorStore(client: MilvusClient) {
  return new MilvusVectorStore({ milvusClient: client, collection: rerank("docs") });
}
