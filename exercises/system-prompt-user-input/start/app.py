from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.post("/support")
def support():
    body = request.get_json()
    system = (
        "You are the support assistant of ACME. Answer questions about ACME products only. "
        f"The customer is {body['customer_name']} and needs help with {body['product']}."
    )
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=500,
        timeout=30,
        messages=[
            {"role": "system", "content": system},
            {"role": "user", "content": body["question"]},
        ],
    )
    return {"answer": resp.choices[0].message.content}
