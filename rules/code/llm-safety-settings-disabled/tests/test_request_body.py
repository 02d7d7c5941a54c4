"""SDK unit test (a practice rule stays quiet in tests): the request body a user's settings produce."""
import pytest

from gemini_client import GeminiClient


def test_safety_settings_are_forwarded():
    client = GeminiClient(api_key="test")
    # ok: llm-safety-settings-disabled
    body = client.build_body(safety_settings=[{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "threshold": "BLOCK_NONE"}])
    # ok: llm-safety-settings-disabled
    assert body["safetySettings"] == [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "threshold": "BLOCK_NONE"}]
