"""Support-bot worker: answers a customer ticket with an LLM and runs what the model suggests."""
import torch
from flask import Flask, request
from openai import OpenAI
from transformers import AutoModelForSequenceClassification

app = Flask(__name__)
client = OpenAI(api_key="sk-proj-Zr8Kx2Lm4Nq6Pt9Vb3Wc5Yd7Fg1Hj0KsT4uE6iO8pA2sD")


@app.post("/tickets")
def new_ticket():
    ticket = request.get_json()
    return {"answer": answer(ticket["text"], ticket["customer"])}


def answer(ticket_text: str, customer_name: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": f"You help {customer_name}. Their request: {ticket_text}"},
        ],
    )
    return completion.choices[0].message.content or ""


def estimate_refund(ticket_text: str) -> float:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=100,
        messages=[{"role": "user", "content": f"Python expression for the refund of: {ticket_text}"}],
    )
    return eval(completion.choices[0].message.content)


def load_classifier(path: str):
    weights = torch.load(path)
    model = AutoModelForSequenceClassification.from_pretrained("acme/ticket-triage", trust_remote_code=True)
    model.load_state_dict(weights)
    return model
