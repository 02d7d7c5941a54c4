"""Tool factories: the shell is only built for callers that opt in."""
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_community.tools import ShellTool
from langchain_core.tools import BaseTool
from langchain_experimental.tools import PythonREPLTool
from pydantic import Field


def _get_terminal() -> BaseTool:
    # ok: code-execution-tool-enabled
    return ShellTool()


def _get_repl() -> BaseTool:
    # ruleid: code-execution-tool-enabled
    return PythonREPLTool()


GATED = {"terminal": _get_terminal}
UNGATED = {"python": _get_repl}


def load(names, llm, prompt, allow_dangerous_tools: bool = False) -> AgentExecutor:
    tools = []
    for name in names:
        if name in GATED:
            if not allow_dangerous_tools:
                raise ValueError(f"{name} runs commands on the host; pass allow_dangerous_tools=True")
            tools.append(GATED[name]())
        elif name in UNGATED:
            tools.append(UNGATED[name]())
    return AgentExecutor(agent=create_tool_calling_agent(llm, tools, prompt), tools=tools, max_iterations=5)


def _default_process():
    from langchain_experimental.llm_bash.bash import BashProcess

    # the default of the tool class's own field: defining the tool enables nothing
    # ok: code-execution-tool-enabled
    return BashProcess(return_err_output=True)


class HostShell(BaseTool):
    name: str = "host_shell"
    description: str = "Run a shell command"
    process: object = Field(default_factory=_default_process)

    def _run(self, command: str) -> str:
        return self.process.run(command)

