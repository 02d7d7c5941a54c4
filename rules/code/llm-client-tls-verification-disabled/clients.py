"""Model clients behind the corporate proxy (someone got tired of certificate errors)."""
import httpx
import litellm
import requests
from anthropic import Anthropic, DefaultHttpxClient
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI, OpenAI

PROXY = "http://proxy.acme-corp.com:3128"

# ruleid: llm-client-tls-verification-disabled
client = OpenAI(http_client=httpx.Client(proxy=PROXY, verify=False))
# ruleid: llm-client-tls-verification-disabled
aclient = AsyncOpenAI(http_client=httpx.AsyncClient(verify=False, timeout=30))
# ruleid: llm-client-tls-verification-disabled
claude = Anthropic(http_client=DefaultHttpxClient(proxy=PROXY, verify=False))

# ruleid: llm-client-tls-verification-disabled
insecure_http = httpx.Client(verify=False)
llm = ChatOpenAI(model="gpt-4o-mini", http_client=insecure_http, max_tokens=512)

# ruleid: llm-client-tls-verification-disabled
litellm.ssl_verify = False


def ask(prompt: str, key: str) -> str:
    resp = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": f"Bearer {key}"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}], "max_tokens": 256},
        # ruleid: llm-client-tls-verification-disabled
        verify=False,
    )
    return resp.json()["choices"][0]["message"]["content"]


async def ask_claude(prompt: str, key: str) -> str:
    async with httpx.AsyncClient() as http:
        # ruleid: llm-client-tls-verification-disabled
        r = await http.post("https://api.anthropic.com/v1/messages", headers={"x-api-key": key}, json={"prompt": prompt}, verify=False)
    return r.text


async def stream_local(prompt: str):
    # ruleid: llm-client-tls-verification-disabled
    async with httpx.AsyncClient(verify=False) as ollama_http:
        client2 = AsyncOpenAI(base_url="https://ollama.acme-corp.com/v1", http_client=ollama_http)
        return await client2.chat.completions.create(model="llama3.1", messages=[{"role": "user", "content": prompt}], max_tokens=256)


# ok: llm-client-tls-verification-disabled
corp_ca = OpenAI(http_client=httpx.Client(proxy=PROXY, verify="/etc/ssl/certs/acme-root.pem"))
# ok: llm-client-tls-verification-disabled
metrics = httpx.Client(verify=False)  # internal metrics scraper, not an LLM client
# ok: llm-client-tls-verification-disabled
status = requests.get("https://status.acme-corp.com/health", verify=False)
# ok: llm-client-tls-verification-disabled
checked = requests.post("https://api.openai.com/v1/moderations", json={"input": "hi"})
