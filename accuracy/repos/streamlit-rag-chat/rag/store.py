from __future__ import annotations

import hashlib

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_openai import OpenAIEmbeddings

from rag.config import get_settings

COLLECTION = "docchat"


def default_embeddings() -> Embeddings:
    settings = get_settings()
    return OpenAIEmbeddings(model=settings.embedding_model, api_key=settings.openai_api_key)


class DocumentStore:
    def __init__(self, embeddings: Embeddings | None = None, persist_directory: str | None = None):
        settings = get_settings()
        self._db = Chroma(
            collection_name=COLLECTION,
            embedding_function=embeddings or default_embeddings(),
            persist_directory=persist_directory or str(settings.chroma_dir),
        )

    @staticmethod
    def _chunk_id(doc: Document) -> str:
        key = f"{doc.metadata.get('source')}|{doc.metadata.get('page', 0)}|{doc.page_content}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    def add(self, chunks: list[Document]) -> int:
        if not chunks:
            return 0
        ids = [self._chunk_id(c) for c in chunks]
        self._db.add_documents(chunks, ids=ids)
        return len(ids)

    def retriever(self, k: int | None = None, source: str | None = None):
        kwargs: dict = {"k": k or get_settings().top_k}
        if source:
            kwargs["filter"] = {"source": source}
        return self._db.as_retriever(search_kwargs=kwargs)

    def sources(self) -> list[str]:
        got = self._db.get(include=["metadatas"])
        return sorted({m.get("source", "?") for m in got.get("metadatas") or []})

    def delete_source(self, source: str) -> None:
        self._db.delete(where={"source": source})
