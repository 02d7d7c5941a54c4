import chromadb

from .llm import embed
from .settings import settings

_client = chromadb.PersistentClient(path=settings.chroma_path)
collection = _client.get_or_create_collection("docs")


def add(doc_id: str, chunks: list[str], source: str, workspace: str) -> None:
    collection.add(
        ids=[f"{doc_id}-{i}" for i in range(len(chunks))],
        documents=chunks,
        embeddings=embed(chunks),
        metadatas=[{"source": source, "workspace": workspace} for _ in chunks],
    )


def search(query: str, workspace: str, k: int | None = None) -> list[str]:
    res = collection.query(query_embeddings=embed([query]), n_results=k or settings.top_k, where={"workspace": workspace})
    return res["documents"][0]
