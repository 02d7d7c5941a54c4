"""A FastMCP git server shaped like the reference mcp-server-git: GitPython for most tools, the git CLI for a few."""
import subprocess

import git
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("git")


@mcp.tool()
def git_diff(repo_path: str, target: str) -> str:
    """Show the changes between the working tree and a branch or commit."""
    repo = git.Repo(repo_path)
    # ruleid: tool-argument-option-injection
    return repo.git.diff("--end-of-options", target)


@mcp.tool()
def git_checkout(repo_path: str, branch_name: str) -> str:
    """Switch branches."""
    repo = git.Repo(repo_path)
    if branch_name.startswith("-"):
        raise ValueError("branch names cannot start with '-'")
    # ok: tool-argument-option-injection
    repo.git.checkout(branch_name)
    return f"Switched to {branch_name}"


@mcp.tool()
def git_show(repo_path: str, revision: str) -> str:
    """Show a commit."""
    repo = git.Repo(repo_path)
    # ok: tool-argument-option-injection
    return repo.git.show("--end-of-options", revision)


@mcp.tool()
def git_log(repo_path: str, ref: str, max_count: int = 10) -> str:
    """Show the history of a branch."""
    # ruleid: tool-argument-option-injection
    out = subprocess.run(["git", "-C", repo_path, "log", f"-n{max_count}", "--oneline", "--end-of-options", ref], capture_output=True, text=True, check=True)
    return out.stdout


@mcp.tool()
def git_file_history(repo_path: str, file: str) -> str:
    """Commits that touched a file."""
    # ok: tool-argument-option-injection
    out = subprocess.run(["git", "log", "--oneline", "--", file], cwd=repo_path, capture_output=True, text=True, check=True)
    return out.stdout


@mcp.tool()
def fetch_page(url: str) -> str:
    """Download a page with curl."""
    # ruleid: tool-argument-option-injection
    return subprocess.check_output(["curl", "-sL", "--", url], text=True)


@mcp.tool()
def count_words(path: str) -> str:
    """Count the words of a file."""
    # ok: tool-argument-option-injection
    return subprocess.check_output(["wc", "-w", path], text=True)


def local_branches(repo_path: str) -> list[str]:
    """Not a tool: the caller's own values."""
    # ok: tool-argument-option-injection
    out = subprocess.run(["git", "-C", repo_path, "branch", "--list"], capture_output=True, text=True, check=True)
    return out.stdout.split()
