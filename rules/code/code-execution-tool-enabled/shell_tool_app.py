"""An app that defines its own shell tool class and hands it to its agent in the same file."""
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.tools import BaseTool
from langchain_experimental.llm_bash.bash import BashProcess
from pydantic import Field


def _make_process():
    # ruleid: code-execution-tool-enabled
    return BashProcess(return_err_output=True)


class OpsShell(BaseTool):
    name: str = "ops_shell"
    description: str = "Run a shell command on the ops host"
    process: object = Field(default_factory=_make_process)

    def _run(self, command: str) -> str:
        return self.process.run(command)


def ops_agent(llm, prompt) -> AgentExecutor:
    tools = [OpsShell()]
    return AgentExecutor(agent=create_tool_calling_agent(llm, tools, prompt), tools=tools, max_iterations=5)
