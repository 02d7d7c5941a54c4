"""A toolkit of agent file tools: a mixin confines every path to root_dir when the application sets one (with no
root_dir the application chose tools that reach any file)."""
import os
import shutil
import sys
from pathlib import Path
from typing import Optional

from langchain_core.tools import BaseTool
from pydantic import BaseModel


class BaseFileToolMixin(BaseModel):
    root_dir: Optional[str] = None

    def get_relative_path(self, file_path: str) -> Path:
        """The path under root_dir, or an error when it leaves it."""
        if self.root_dir is None:
            return Path(file_path)
        return get_validated_relative_path(Path(self.root_dir), file_path)


class LooseFileToolMixin(BaseModel):
    root_dir: Optional[str] = None

    def get_relative_path(self, file_path: str) -> Path:
        # an absolute path skips the check, whatever root_dir is
        if os.path.isabs(file_path):
            return Path(file_path)
        return get_validated_relative_path(Path(self.root_dir or "."), file_path)


class JoinedFileToolMixin(BaseModel):
    root_dir: Optional[str] = None

    def get_relative_path(self, file_path: str) -> Path:
        if self.root_dir is None:
            return Path(file_path)
        # joined but never checked: "../../etc/passwd" leaves root_dir
        return Path(self.root_dir) / file_path


class LexicalFileToolMixin(BaseModel):
    root_dir: Optional[str] = None

    def get_relative_path(self, file_path: str) -> Path:
        if self.root_dir is None:
            return Path(file_path)
        return get_lexically_checked_path(Path(self.root_dir), file_path)


def is_relative_to(path: Path, root: Path) -> bool:
    if sys.version_info >= (3, 9):
        return path.is_relative_to(root)
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


class FileValidationError(ValueError):
    """A path outside the root directory."""


def get_validated_relative_path(root: Path, user_path: str) -> Path:
    root = root.resolve()
    full_path = (root / user_path).resolve()
    if not is_relative_to(full_path, root):
        raise FileValidationError(f"Path {user_path} is outside of {root}")
    return full_path


def get_lexically_checked_path(root: Path, user_path: str) -> Path:
    # not resolved: root / "a/../../etc/passwd" is relative to root as written
    full_path = root / user_path
    if not is_relative_to(full_path, root):
        raise FileValidationError(f"Path {user_path} is outside of {root}")
    return full_path


class ReadFileTool(BaseFileToolMixin, BaseTool):
    name: str = "read_file"
    description: str = "Read file from disk"

    def _run(self, file_path: str) -> str:
        try:
            read_path = self.get_relative_path(file_path)
        except FileValidationError:
            return f"Error: access denied to {file_path}"
        # ok: tool-argument-path-traversal
        with read_path.open("r", encoding="utf-8") as f:
            return f.read()


class CopyFileTool(BaseFileToolMixin, BaseTool):
    name: str = "copy_file"
    description: str = "Copy a file"

    def _run(self, source_path: str, destination_path: str) -> str:
        try:
            source = self.get_relative_path(source_path)
            destination = self.get_relative_path(destination_path)
        except FileValidationError:
            return "Error: access denied"
        # ok: tool-argument-path-traversal
        shutil.copy2(source, destination, follow_symlinks=False)
        return "copied"


class DeleteFileTool(LooseFileToolMixin, BaseTool):
    name: str = "file_delete"
    description: str = "Delete a file"

    def _run(self, file_path: str) -> str:
        try:
            target = self.get_relative_path(file_path)
        except FileValidationError:
            return "Error: access denied"
        # ruleid: tool-argument-path-traversal
        os.remove(target)
        return "deleted"


class WriteFileTool(JoinedFileToolMixin, BaseTool):
    name: str = "write_file"
    description: str = "Write a file"

    def _run(self, file_path: str, text: str) -> str:
        target = self.get_relative_path(file_path)
        # ruleid: tool-argument-path-traversal
        with target.open("w", encoding="utf-8") as f:
            f.write(text)
        return "written"


class ListDirectoryTool(LexicalFileToolMixin, BaseTool):
    name: str = "list_directory"
    description: str = "List a folder"

    def _run(self, dir_path: str = ".") -> str:
        try:
            folder = self.get_relative_path(dir_path)
        except FileValidationError:
            return "Error: access denied"
        # ruleid: tool-argument-path-traversal
        return "\n".join(os.listdir(folder))
