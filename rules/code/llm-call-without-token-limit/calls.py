import litellm
from google import genai
from google.genai import types
from openai import AsyncAzureOpenAI, OpenAI

client = OpenAI()
azure = AsyncAzureOpenAI(api_version="2024-10-21")
gemini = genai.Client()


def chat(question: str) -> str:
    # ruleid: llm-call-without-token-limit
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    # ok: llm-call-without-token-limit
    bounded = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}], max_tokens=400)
    # ok: llm-call-without-token-limit
    reasoning = client.chat.completions.create(model="o4-mini", messages=[{"role": "user", "content": question}], max_completion_tokens=2000)
    return resp.choices[0].message.content + bounded.choices[0].message.content + reasoning.choices[0].message.content


async def azure_chat(question: str) -> str:
    # ruleid: llm-call-without-token-limit
    resp = await azure.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    return resp.choices[0].message.content


def responses(question: str) -> str:
    # ruleid: llm-call-without-token-limit
    r = client.responses.create(model="gpt-4.1", input=question)
    # ok: llm-call-without-token-limit
    r2 = client.responses.create(model="gpt-4.1", input=question, max_output_tokens=800)
    return r.output_text + r2.output_text


def google(question: str) -> str:
    # ruleid: llm-call-without-token-limit
    a = gemini.models.generate_content(model="gemini-2.5-flash", contents=question)
    # ruleid: llm-call-without-token-limit
    b = gemini.models.generate_content(model="gemini-2.5-flash", contents=question, config=types.GenerateContentConfig(temperature=0.2))
    # ok: llm-call-without-token-limit
    c = gemini.models.generate_content(model="gemini-2.5-flash", contents=question, config=types.GenerateContentConfig(max_output_tokens=512))
    return a.text + b.text + c.text


def via_litellm(question: str, **options):
    # ruleid: llm-call-without-token-limit
    a = litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": question}])
    # ok: llm-call-without-token-limit
    b = litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": question}], **options)
    return a, b
