"""SDK unit test (practice rules stay quiet in tests): the client keeps whatever base URL it is given."""
import pytest
from openai import OpenAI


def test_base_url_is_kept():
    # ok: llm-api-insecure-base-url
    client = OpenAI(base_url="http://api.acme-llm.io/v1", api_key="test")
    assert str(client.base_url) == "http://api.acme-llm.io/v1/"
