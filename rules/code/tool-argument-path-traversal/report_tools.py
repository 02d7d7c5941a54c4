"""CrewAI tools that save reports: the title becomes a file name through a slug, and the target is checked to
sit directly in the reports folder."""
import os
import re
import shutil
from datetime import date
from pathlib import Path

from crewai.tools import BaseTool

_SAFE_NAME = re.compile(r"[^a-z0-9_-]+")
# keeps "/" and ".": "../../home/app/.bashrc" survives
_LOOSE_NAME = re.compile(r"[^a-z0-9/._-]+")
REPORTS = Path(os.environ.get("REPORTS_DIR", "./output")).resolve()


def slugify(title: str) -> str:
    slug = _SAFE_NAME.sub("-", title.lower()).strip("-")
    return slug[:60] or "report"


def loose_slug(title: str) -> str:
    return _LOOSE_NAME.sub("-", title.lower()).strip("-") or "report"


class SaveReportTool(BaseTool):
    name: str = "save_report"
    description: str = "Save the briefing as a Markdown file in the reports folder."

    def _run(self, title: str, markdown: str) -> str:
        reports_dir = Path(os.environ.get("REPORTS_DIR", "./output")).resolve()
        reports_dir.mkdir(parents=True, exist_ok=True)
        target = (reports_dir / f"{date.today().isoformat()}-{slugify(title)}.md").resolve()
        if target.parent != reports_dir:
            return "Refusing to write outside the reports folder."
        # ok: tool-argument-path-traversal
        target.write_text(markdown, encoding="utf-8")
        return str(target)


class SaveDraftTool(BaseTool):
    name: str = "save_draft"
    description: str = "Save a draft; the name is reduced to letters, digits, '-' and '_'."

    def _run(self, name: str, text: str) -> str:
        # ok: tool-argument-path-traversal
        with open(os.path.join(REPORTS, re.sub(r"[^\w-]", "_", name) + ".md"), "w") as f:
            f.write(text)
        return "saved"


class ArchiveReportTool(BaseTool):
    name: str = "archive_report"
    description: str = "Move a report folder to the archive."

    def _run(self, folder: str) -> str:
        target = (REPORTS / folder).resolve()
        if os.path.dirname(target) != str(REPORTS):
            return "Refusing: not a report folder."
        # ok: tool-argument-path-traversal
        shutil.move(target, REPORTS / "archive")
        return "archived"


class SaveSectionTool(BaseTool):
    name: str = "save_section"
    description: str = "Save one section of a report."

    def _run(self, title: str, markdown: str) -> str:
        target = REPORTS / f"{loose_slug(title)}.md"
        # ruleid: tool-argument-path-traversal
        target.write_text(markdown, encoding="utf-8")
        return str(target)


class DeleteReportTool(BaseTool):
    name: str = "delete_report"
    description: str = "Delete a report folder."

    def _run(self, folder: str) -> str:
        # not resolved: REPORTS / ".." has the reports folder as its parent and names the folder above it
        target = REPORTS / folder
        if target.parent != REPORTS:
            return "Refusing: not a report folder."
        # ruleid: tool-argument-path-traversal
        shutil.rmtree(target)
        return "deleted"


class SaveNoteTool(BaseTool):
    name: str = "save_note"
    description: str = "Save a note; dots are kept for the extension."

    def _run(self, name: str, text: str) -> str:
        # a kept dot lets ".." through: rmtree(REPORTS / "..") removes the folder above
        slug = re.sub(r"[^\w.-]", "_", name)
        # ruleid: tool-argument-path-traversal
        shutil.rmtree(REPORTS / slug)
        return "removed"
