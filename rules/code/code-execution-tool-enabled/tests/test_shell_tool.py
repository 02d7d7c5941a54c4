"""Unit tests of the shell tool (LangChain community layout): the tool is built and called directly."""
import pytest
from langchain.agents import AgentExecutor, create_react_agent
from langchain_community.tools import ShellTool
from langchain_experimental.tools import PythonREPLTool
from langchain_core.language_models.fake_chat_models import FakeListChatModel


@pytest.fixture
def shell_tool():
    # ok: code-execution-tool-enabled
    return ShellTool()


def test_shell_tool_runs_commands(shell_tool):
    assert shell_tool._run(commands=["echo hello"]) == "hello\n"


def test_repl_runs_code():
    # ok: code-execution-tool-enabled
    repl = PythonREPLTool()
    assert repl.run("print(1 + 1)").strip() == "2"


@pytest.fixture
def terminal():
    # ruleid: code-execution-tool-enabled
    return ShellTool(ask_human_input=False)


def test_agent_uses_the_terminal(terminal):
    # the test hands the tool to an agent driven by a model: a prompt injection in its input would run
    tools = [terminal]
    agent = create_react_agent(FakeListChatModel(responses=["ls"]), tools, prompt=None)
    AgentExecutor(agent=agent, tools=tools).invoke({"input": "list files"})


def test_bound_to_a_chat_model(llm):
    # ruleid: code-execution-tool-enabled
    repl = PythonREPLTool()
    llm.bind_tools([repl]).invoke("compute 2 + 2")
