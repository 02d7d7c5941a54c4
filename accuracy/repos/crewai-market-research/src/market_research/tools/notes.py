from pathlib import Path
from typing import Type

from crewai.tools import BaseTool
from pydantic import BaseModel, Field

NOTES_DIR = Path("knowledge/notes")


class ReadNotesInput(BaseModel):
    file_path: str = Field(..., description="Notes file to read, e.g. knowledge/notes/acme.md")


class ReadNotesTool(BaseTool):
    name: str = "read_notes"
    description: str = "Read an analyst notes file about a company. Returns the Markdown text."
    args_schema: Type[BaseModel] = ReadNotesInput

    def _run(self, file_path: str) -> str:
        path = Path(file_path)
        if not path.exists():
            available = ", ".join(p.name for p in NOTES_DIR.glob("*.md"))
            return f"No such notes file. Available: {available or 'none'}"
        text = path.read_text(encoding="utf-8", errors="replace")
        return text[:20_000]
