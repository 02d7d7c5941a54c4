import os

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding
from langchain_core.language_models import FakeListChatModel

os.environ.setdefault("OPENAI_API_KEY", "test-key")
os.environ.setdefault("URL_ALLOWLIST", "docs.example.com")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    from rag import config

    monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.setenv("CHROMA_DIR", str(tmp_path / "chroma"))
    monkeypatch.setenv("HISTORY_DB", str(tmp_path / "history.sqlite3"))
    config.get_settings.cache_clear()
    yield
    config.get_settings.cache_clear()


@pytest.fixture
def fake_embeddings():
    return DeterministicFakeEmbedding(size=32)


@pytest.fixture
def fake_llm():
    return FakeListChatModel(responses=["Refunds are processed within 5 business days [1]."])


@pytest.fixture
def store(fake_embeddings, tmp_path):
    from rag.store import DocumentStore

    return DocumentStore(embeddings=fake_embeddings, persist_directory=str(tmp_path / "chroma"))
