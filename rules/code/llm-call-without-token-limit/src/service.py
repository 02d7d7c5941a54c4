from openai import OpenAI

client = OpenAI()
mock_client = object()


def answer(question: str) -> str:
    # ruleid: llm-call-without-token-limit
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return resp.choices[0].message.content


def preview(question: str) -> str:
    # ok: llm-call-without-token-limit
    resp = mock_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return resp.choices[0].message.content
