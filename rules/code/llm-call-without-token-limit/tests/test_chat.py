from unittest import mock

from openai import OpenAI


def test_chat_returns_text():
    client = OpenAI(api_key="test", base_url="http://localhost:8080/v1")
    with mock.patch.object(client.chat.completions, "create") as create:
        create.return_value = mock.Mock(choices=[mock.Mock(message=mock.Mock(content="hi"))])
        # ok: llm-call-without-token-limit
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
    assert reply.choices[0].message.content == "hi"
