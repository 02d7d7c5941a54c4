# An example script: not product code, so this practice rule stays quiet (file role "example").
from openai import OpenAI

client = OpenAI()
# ok: llm-call-without-token-limit
resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Tell me a joke"}])
print(resp.choices[0].message.content)
