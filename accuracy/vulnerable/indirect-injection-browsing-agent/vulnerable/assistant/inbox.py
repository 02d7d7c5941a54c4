import imaplib
import email

import requests
from openai import OpenAI

from .actions import ACTION_TOOLS

client = OpenAI()


def summarize_page(url: str) -> str:
    page = requests.get(url, timeout=10).text
    r = client.chat.completions.create(
        model="gpt-4o", max_tokens=600, tools=ACTION_TOOLS,
        messages=[{"role": "system", "content": "You manage the user's calendar and e-mail. Page content follows."}, {"role": "user", "content": page}],
    )
    return r.choices[0].message.content


def triage_latest(imap: imaplib.IMAP4_SSL) -> str:
    _, data = imap.fetch(b"1", "(RFC822)")
    body = email.message_from_bytes(data[0][1]).get_payload()
    r = client.chat.completions.create(
        model="gpt-4o", max_tokens=600, tools=ACTION_TOOLS,
        messages=[{"role": "system", "content": f"Triage this e-mail and take the needed actions:\n{body}"}],
    )
    return r.choices[0].message.content
