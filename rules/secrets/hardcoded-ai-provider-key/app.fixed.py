"""Chat service used by the support bot."""
import os
import asyncio

from anthropic import AsyncAnthropic
from huggingface_hub import InferenceClient
from openai import OpenAI
import google.generativeai as genai

# ruleid: hardcoded-ai-provider-key
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
# ruleid: hardcoded-ai-provider-key
legacy = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

# ruleid: hardcoded-ai-provider-key
aclient = AsyncAnthropic(api_key=os.environ["ANTHROPIC_API_KEY"])

# ruleid: hardcoded-ai-provider-key
hf = InferenceClient(token=os.environ["HF_TOKEN"])

# ruleid: hardcoded-ai-provider-key
genai.configure(api_key=os.environ["GOOGLE_API_KEY"])

# ruleid: hardcoded-ai-provider-key
MISTRAL_API_KEY = os.environ["MISTRAL_API_KEY"]

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

