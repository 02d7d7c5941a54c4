"""Client factory with documented defaults (product code): placeholder hosts stand for "your server"."""
import os

from openai import OpenAI

# ok: llm-api-insecure-base-url
DOCS_SAMPLE = OpenAI(base_url="http://foo.com/v1", api_key="sk-placeholder")
# ok: llm-api-insecure-base-url
TEMPLATE = OpenAI(base_url="http://llm.example.com:8000/v1", api_key=os.environ.get("KEY", ""))
# ok: llm-api-insecure-base-url
STAGING_DNS = OpenAI(base_url="http://vllm.staging.test/v1", api_key="EMPTY")
# ruleid: llm-api-insecure-base-url
REAL = OpenAI(base_url="http://llm.example-corp.com/v1", api_key=os.environ["KEY"])
