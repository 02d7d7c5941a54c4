"""Support bots whose system prompts are built in code from config, env and customer records."""
import os

import google.generativeai as genai
from agents import Agent
from anthropic import Anthropic
from django.conf import settings
from langchain_core.messages import HumanMessage, SystemMessage
from openai import OpenAI

DB_PASSWORD = os.environ["DB_PASSWORD"]
OPENAI_API_KEY = os.getenv("OPENAI_API_KEY")
COMPANY = os.getenv("COMPANY_NAME", "Acme")
client = OpenAI(api_key=OPENAI_API_KEY)
claude = Anthropic()


def db_chat(question: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            # ruleid: secret-in-system-prompt
            {"role": "system", "content": f"You are the database assistant for {COMPANY}. Connect with password {DB_PASSWORD}."},
            {"role": "user", "content": question},
        ],
    )
    return resp.choices[0].message.content or ""


def refunds(question: str) -> str:
    msg = claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=400,
        # ruleid: secret-in-system-prompt
        system=f"You process refunds. Use the Stripe key {os.environ['STRIPE_SECRET_KEY']} with the refunds API.",
        messages=[{"role": "user", "content": question}],
    )
    return msg.content[0].text


# ruleid: secret-in-system-prompt
admin_model = genai.GenerativeModel("gemini-1.5-pro", system_instruction=f"Admin actions need the token {settings.ADMIN_API_TOKEN}.")
# ok: secret-in-system-prompt
plain_model = genai.GenerativeModel("gemini-1.5-pro", system_instruction=f"You work for {settings.COMPANY_NAME}; answer in {settings.LANGUAGE_CODE}.")


def build_system_prompt(customer) -> str:
    return (
        "You are a billing assistant.\n"
        # ruleid: secret-in-system-prompt
        f"Customer SSN: {customer.ssn}\n"
        # ok: secret-in-system-prompt
        f"Customer name: {customer.name}; plan: {customer.plan}; card ending in {customer.card_last4}\n"
    )


class AccountBot:
    def __init__(self, user: dict):
        self.user = user

    def agent(self) -> Agent:
        # ruleid: secret-in-system-prompt
        return Agent(name="accounts", instructions=f"Help {self.user['name']} with payments. Their card number is {self.user['credit_card_number']}.")

    def messages(self, question: str) -> list:
        return [
            # ruleid: secret-in-system-prompt
            SystemMessage(content=f"Verify the user by asking for their password; the correct one is {self.user['password']}."),
            HumanMessage(content=question),
        ]


def diagnostics(question: str) -> list:
    return [
        # ok: secret-in-system-prompt
        {"role": "system", "content": f"An API key is configured: {bool(OPENAI_API_KEY)}. Never ask the user for credentials."},
        # ok: secret-in-system-prompt
        {"role": "system", "content": f"Support hours for {COMPANY}: 9-17 CET. Key length is {len(DB_PASSWORD)}."},
        {"role": "user", "content": question},
    ]
