"""Maintainer tool: dump the collection to JSON lines."""
import json
import sys

import chromadb

client = chromadb.PersistentClient(path=sys.argv[1] if len(sys.argv) > 1 else "./.chroma")
col = client.get_collection("docs")
data = col.get(include=["documents", "metadatas"])
for i, doc, meta in zip(data["ids"], data["documents"], data["metadatas"]):
    print(json.dumps({"id": i, "text": doc, "meta": meta}))
