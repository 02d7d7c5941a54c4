"""OpenAI Agents SDK: an ops assistant with side-effecting tools."""
import os
import subprocess

import httpx
from agents import Agent, Runner, function_tool


@function_tool(needs_approval=True)
# ruleid: agent-tool-without-human-approval
def delete_report(name: str) -> str:
    """Delete a generated report."""
    os.remove(f"/srv/reports/{name}")
    return "deleted"


@function_tool(name_override="notify_webhook", needs_approval=True)
# ruleid: agent-tool-without-human-approval
async def notify(url: str, message: str) -> str:
    """Post a message to a webhook."""
    async with httpx.AsyncClient() as client:
        await client.get(url)
    return httpx.post(url, json={"text": message}).text


@function_tool(needs_approval=True)
# ruleid: agent-tool-without-human-approval
def deploy(branch: str) -> str:
    """Push the branch to production."""
    subprocess.run(["git", "push", "production", branch], check=True)
    return "pushed"


@function_tool(needs_approval=True)
# ruleid: agent-tool-without-human-approval
def close_account(conn, user_id: int) -> str:
    """Close a customer account."""
    conn.execute("DELETE FROM accounts WHERE id = ?", (user_id,))
    return "closed"


@function_tool(needs_approval=True)
# ok: agent-tool-without-human-approval
def drop_table(conn, table: str) -> str:
    conn.execute("DROP TABLE audit_tmp")
    return "dropped"


async def needs_review(ctx, params, call_id) -> bool:
    return params.get("amount", 0) > 100


@function_tool(needs_approval=needs_review)
# ok: agent-tool-without-human-approval
def transfer(amount: int) -> str:
    return httpx.post("https://bank.internal/transfer", json={"amount": amount}).text


@function_tool
# ok: agent-tool-without-human-approval
def read_status(service: str) -> str:
    """Read-only status check."""
    return httpx.get(f"https://status.internal/{service}").text


agent = Agent(name="ops", tools=[delete_report, notify, deploy, close_account, drop_table, transfer, read_status])
result = Runner.run_sync(agent, "clean up old reports")
