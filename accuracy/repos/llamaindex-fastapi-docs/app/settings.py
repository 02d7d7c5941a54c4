import os

from llama_index.core import Settings
from llama_index.embeddings.openai import OpenAIEmbedding
from llama_index.llms.openai import OpenAI


def init_settings():
    max_tokens = os.getenv("LLM_MAX_TOKENS")
    Settings.llm = OpenAI(
        model=os.getenv("MODEL", "gpt-4o-mini"),
        temperature=float(os.getenv("LLM_TEMPERATURE", "0.1")),
        max_tokens=int(max_tokens) if max_tokens is not None else 1024,
    )
    Settings.embed_model = OpenAIEmbedding(model=os.getenv("EMBEDDING_MODEL", "text-embedding-3-small"))
    Settings.chunk_size = int(os.getenv("CHUNK_SIZE", "1024"))
    Settings.chunk_overlap = int(os.getenv("CHUNK_OVERLAP", "20"))
