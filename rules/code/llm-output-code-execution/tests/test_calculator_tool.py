# Unit tests of agent tools: a test that calls a tool itself gives it to no model; one that builds an agent
# around the tool does.
import subprocess

from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent
from langchain_openai import ChatOpenAI


@tool
def calculator(expression: str) -> str:
    """Evaluate an arithmetic expression."""
    # ok: llm-output-code-execution
    return str(eval(expression))


def test_calculator_adds():
    assert calculator.invoke({"expression": "1 + 2"}) == "3"


@tool
def run_shell(command: str) -> str:
    """Run a shell command."""
    # ruleid: llm-output-code-execution
    return subprocess.check_output(command, shell=True, text=True)


def test_agent_lists_files():
    agent = create_react_agent(ChatOpenAI(model="gpt-4o-mini"), tools=[run_shell])
    result = agent.invoke({"messages": [("user", "list the files")]})
    assert result["messages"]
