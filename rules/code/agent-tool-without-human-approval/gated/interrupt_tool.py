"""Gated: the tool itself pauses the graph with interrupt() and waits for a decision."""
import smtplib

from langchain_core.tools import tool
from langgraph.types import interrupt


@tool
# ok: agent-tool-without-human-approval
def send_invoice(to: str, body: str) -> str:
    """Email an invoice after a person approves it."""
    decision = interrupt({"action": "send_invoice", "to": to, "body": body})
    if decision != "approve":
        return "cancelled"
    with smtplib.SMTP("smtp.example.com") as server:
        server.sendmail("billing@example.com", [to], body)
    return "sent"
