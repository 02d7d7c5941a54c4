"""No SDK import: raw HTTP calls. Process-wide TLS switches here are left to general-purpose linters."""
import ssl

import requests

# ok: llm-client-tls-verification-disabled
ctx = ssl._create_unverified_context()


def complete(prompt: str, key: str) -> dict:
    # ruleid: llm-client-tls-verification-disabled
    r = requests.post("https://api.openai.com/v1/chat/completions", headers={"Authorization": f"Bearer {key}"}, json={"messages": [{"role": "user", "content": prompt}]}, verify=False)
    return r.json()


def generate(host: str, prompt: str) -> dict:
    # ruleid: llm-client-tls-verification-disabled
    return requests.post(f"https://{host}/api/generate", json={"model": "llama3.1", "prompt": prompt}, verify=False).json()


# ok: llm-client-tls-verification-disabled
health = requests.get("https://status.acme-corp.com/health", verify=False)
