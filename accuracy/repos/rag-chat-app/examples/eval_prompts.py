"""Ask a fixed list of questions and print the answers, for a quick manual evaluation."""
from openai import OpenAI

QUESTIONS = ["What is the default port?", "How do I rotate the API token?"]
client = OpenAI()

for q in QUESTIONS:
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])
    print(q, "->", r.choices[0].message.content)
