import pytest
from fastapi.testclient import TestClient

from app import store
from app.auth import TOKENS
from app.main import app


@pytest.fixture
def client(monkeypatch, fake_llm):
    TOKENS["t1"] = "acme"
    monkeypatch.setattr(store, "search", lambda q, ws, k=None: ["settings.yaml holds the config"])
    return TestClient(app)


def test_chat_answers_from_context(client, fake_llm):
    r = client.post("/chat", json={"question": "Where is the config?"}, headers={"Authorization": "Bearer t1"})
    assert r.status_code == 200
    assert r.json()["answer"].startswith("It is configured")
    assert fake_llm[0][0] == "Where is the config?"


def test_chat_rejects_unknown_token(client):
    r = client.post("/chat", json={"question": "x"}, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
