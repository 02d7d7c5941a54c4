import os

import pytest

os.environ.setdefault("OPENAI_API_KEY", "sk-test-not-a-real-key")


@pytest.fixture
def fake_llm(monkeypatch):
    from app import llm

    calls = []

    def fake_answer(question, context, history=None):
        calls.append((question, context))
        return "It is configured in settings.yaml."

    monkeypatch.setattr(llm, "answer", fake_answer)
    return calls
