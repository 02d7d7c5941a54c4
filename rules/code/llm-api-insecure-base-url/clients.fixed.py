"""LLM clients for the support bot: hosted APIs, a GPU box on the office network, and local Ollama."""
import os

import anthropic
import ollama
import openai
from langchain_community.llms import VLLMOpenAI
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI, OpenAI

GPU_HOST = os.environ.get("GPU_HOST", "localhost")

# ruleid: llm-api-insecure-base-url
proxy = OpenAI(base_url="https://llm-gateway.acme-corp.com/v1", api_key=os.environ["GATEWAY_KEY"])
# ruleid: llm-api-insecure-base-url
aproxy = AsyncOpenAI(base_url="https://10.20.0.15:8000/v1", api_key="EMPTY")
# ruleid: llm-api-insecure-base-url
claude = anthropic.Anthropic(base_url="https://anthropic-proxy.internal:8080")
# ruleid: llm-api-insecure-base-url
remote_ollama = ollama.Client(host="https://192.168.1.50:11434")
# ruleid: llm-api-insecure-base-url
remote_ollama2 = ollama.AsyncClient("https://gpu-box.lan:11434")

chat = ChatOpenAI(
    model="meta-llama/Llama-3.1-8B-Instruct",
    # ruleid: llm-api-insecure-base-url
    base_url="https://inference.acme-corp.com:8000/v1",
    max_tokens=512,
)
# ruleid: llm-api-insecure-base-url
vllm = VLLMOpenAI(openai_api_base=f"https://vllm.acme-corp.com:8000/{'v1'}", model_name="mistral", max_tokens=256)
# ruleid: llm-api-insecure-base-url
office = ChatOllama(model="llama3.1", base_url="https://172.16.4.2:11434")

# ruleid: llm-api-insecure-base-url
os.environ["OPENAI_BASE_URL"] = "https://llm-gateway.acme-corp.com/v1"
# ruleid: llm-api-insecure-base-url
openai.base_url = "https://llm-gateway.acme-corp.com/v1/"

# ok: llm-api-insecure-base-url
hosted = OpenAI(base_url="https://llm-gateway.acme-corp.com/v1")
# ok: llm-api-insecure-base-url
local_vllm = OpenAI(base_url="http://localhost:8000/v1", api_key="EMPTY")
# ok: llm-api-insecure-base-url
loopback = ChatOllama(model="llama3.1", base_url="http://127.0.0.1:11434")
# ok: llm-api-insecure-base-url
sidecar = ollama.Client(host="http://ollama:11434")
# ok: llm-api-insecure-base-url
dynamic = OpenAI(base_url=f"http://{GPU_HOST}:8000/v1")
# ok: llm-api-insecure-base-url
docker_host = OpenAI(base_url="http://host.docker.internal:1234/v1")
# ok: llm-api-insecure-base-url
os.environ["CALLBACK_URL"] = "http://example.com/hook"
