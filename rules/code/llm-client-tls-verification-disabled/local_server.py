"""Calls to a local Ollama and to a documented placeholder endpoint: there is no remote certificate at stake."""
import requests
import openai


def local_generate(prompt: str) -> str:
    # ok: llm-client-tls-verification-disabled
    return requests.post("https://localhost:11434/api/generate", json={"model": "llama3.1", "prompt": prompt}, verify=False).json()["response"]


def docs_sample(prompt: str) -> dict:
    # ok: llm-client-tls-verification-disabled
    return requests.post("https://llm.example.com/v1/chat/completions", json={"messages": [{"role": "user", "content": prompt}]}, verify=False).json()


def hosted(prompt: str, key: str) -> dict:
    # ruleid: llm-client-tls-verification-disabled
    return requests.post("https://api.openai.com/v1/chat/completions", headers={"Authorization": f"Bearer {key}"}, json={"messages": [{"role": "user", "content": prompt}]}, verify=False).json()
