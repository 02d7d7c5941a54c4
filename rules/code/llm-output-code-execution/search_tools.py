"""Agent tools that run programs with argument lists built in a variable."""
import subprocess

from langchain_core.tools import tool


@tool
def grep_files(pattern: str, include: str = "") -> str:
    """Search the project for a pattern."""
    cmd = ["rg", "--json"]
    if include:
        cmd.extend(["--glob", include])
    cmd.extend(["--", pattern, "."])
    # a fixed program, no shell: the model picks what rg searches for
    # ok: llm-output-code-execution
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


@tool
def run_script(script: str) -> str:
    """Run a maintenance script."""
    cmd = ["bash", "-c"]
    cmd.append(script)
    # ruleid: llm-output-code-execution
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


@tool
def run_program(program: str) -> str:
    """Run a program with verbose output."""
    cmd = [program, "--verbose"]
    # ruleid: llm-output-code-execution
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
