import os
import re
from datetime import date
from pathlib import Path
from typing import Type

from crewai.tools import BaseTool
from pydantic import BaseModel, Field

_SAFE_NAME = re.compile(r"[^a-z0-9_-]+")


class SaveReportInput(BaseModel):
    title: str = Field(..., min_length=3, max_length=80, description="Short report title, used for the file name")
    markdown: str = Field(..., max_length=60_000, description="The full briefing in Markdown")


def slugify(title: str) -> str:
    slug = _SAFE_NAME.sub("-", title.lower()).strip("-")
    return slug[:60] or "report"


class SaveReportTool(BaseTool):
    name: str = "save_report"
    description: str = "Save the finished briefing as a Markdown file in the reports folder. Returns the file path."
    args_schema: Type[BaseModel] = SaveReportInput

    def _run(self, title: str, markdown: str) -> str:
        reports_dir = Path(os.environ.get("REPORTS_DIR", "./output")).resolve()
        reports_dir.mkdir(parents=True, exist_ok=True)
        target = (reports_dir / f"{date.today().isoformat()}-{slugify(title)}.md").resolve()
        if target.parent != reports_dir:
            return "Refusing to write outside the reports folder."
        target.write_text(markdown, encoding="utf-8")
        return str(target)
