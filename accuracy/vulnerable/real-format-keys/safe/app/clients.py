import os

from anthropic import Anthropic
from huggingface_hub import InferenceClient
from openai import OpenAI

openai_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
hub = InferenceClient(model="meta-llama/Meta-Llama-3-8B-Instruct", token=os.environ.get("HF_TOKEN"))
ORG_TOKEN = os.environ.get("HF_ORG_TOKEN", "")
claude = Anthropic(api_key="your-anthropic-key-here")
