"""Chat service used by the support bot."""
import asyncio

from anthropic import AsyncAnthropic
from huggingface_hub import InferenceClient
from openai import OpenAI
import google.generativeai as genai

# ruleid: hardcoded-ai-provider-key
client = OpenAI(api_key="sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJTeKd")
# ruleid: hardcoded-ai-provider-key
legacy = OpenAI(api_key='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')

# ruleid: hardcoded-ai-provider-key
aclient = AsyncAnthropic(api_key="sk-ant-api03-FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR4y9o-jfljoQAA")

# ruleid: hardcoded-ai-provider-key
hf = InferenceClient(token="hf_oaF1LlqsajAIxNKu8iS2G8NPRVdD53X83R")

# ruleid: hardcoded-ai-provider-key
genai.configure(api_key="AIzaZJzzzzgEOzdmenCkhvMdgaKjIg8xNbe3nNy")

# ruleid: hardcoded-ai-provider-key
MISTRAL_API_KEY = "CXlMaXZjljENUhJduRHHJEYXg4Jdpmrc"

# ok: hardcoded-ai-provider-key
safe = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
# ok: hardcoded-ai-provider-key
placeholder = OpenAI(api_key="sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
# ok: hardcoded-ai-provider-key
doc_example = "sk-..."
# ok: hardcoded-ai-provider-key
COHERE_API_KEY = "your-cohere-api-key-goes-here-please"
# ok: hardcoded-ai-provider-key
fake = OpenAI(api_key="sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD")

