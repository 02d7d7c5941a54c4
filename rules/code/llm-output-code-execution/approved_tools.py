"""Agent tools that run the whole command the model writes, with and without a person approving each call."""
import subprocess

from agents import Agent, function_tool


@function_tool(needs_approval=True)
def run_command(command: str) -> str:
    """Run a shell command on the operator's machine after they approve it."""
    # ok: llm-output-code-execution
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


@function_tool
def run_unattended(command: str) -> str:
    """Run a shell command."""
    # ruleid: llm-output-code-execution
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


ops = Agent(name="ops", tools=[run_command, run_unattended])
