from pathlib import Path

from agents import Agent, function_tool

NOTES_DIR = Path("/srv/notes")


@function_tool
def read_note(name: str) -> str:
    """Read one of the user's notes by file name."""
    return (NOTES_DIR / name).read_text(encoding="utf-8")


@function_tool(needs_approval=True)
def save_note(name: str, text: str) -> str:
    """Save a note under the given file name."""
    (NOTES_DIR / name).write_text(text, encoding="utf-8")
    return "saved"


agent = Agent(name="notes", instructions="You keep the user's notes.", tools=[read_note, save_note])
