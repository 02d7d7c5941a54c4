import os

os.environ.setdefault("OPENAI_API_KEY", "sk-test")
os.environ.setdefault("API_KEYS", '["acme:test-secret"]')

import pytest
from fastapi.testclient import TestClient

from app.main import app


@pytest.fixture
def client():
    return TestClient(app)
