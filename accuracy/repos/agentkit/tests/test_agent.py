from agentkit import Agent, tool

from .conftest import text, tool_use


@tool
def echo(value: str) -> str:
    """Echo the value."""
    return value


def test_agent_runs_tool_then_answers(fake_client):
    client = fake_client(tool_use("echo", value="hi"), text("done"))
    agent = Agent([echo], system="test", client=client)
    assert agent.run("say hi") == "done"
    assert client.messages.calls[1]["messages"][-1]["content"][0]["content"] == '"hi"'


def test_agent_stops_at_step_limit(fake_client):
    client = fake_client(*[tool_use("echo", value="x")] * 3)
    agent = Agent([echo], system="test", client=client, max_steps=3)
    assert agent.run("loop") == "Stopped: step limit reached."
