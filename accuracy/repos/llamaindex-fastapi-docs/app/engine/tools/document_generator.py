import logging
import os
import re

import markdown
from llama_index.core.tools.function_tool import FunctionTool

logger = logging.getLogger("uvicorn")

OUTPUT_DIR = "output/tools"

HTML_TEMPLATE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; }}</style>
</head><body>{body}</body></html>"""


class DocumentGenerator:
    @classmethod
    def _validate_file_name(cls, file_name: str) -> str:
        if not re.match(r"^[a-zA-Z0-9_.-]+$", file_name) or ".." in file_name:
            raise ValueError("File name is not allowed to contain any special characters.")
        return file_name

    @classmethod
    def generate_html_document(cls, original_content: str, file_name: str) -> str:
        """
        Generate an HTML document from Markdown content and return a link the user can open.
        Args:
            original_content (str): The Markdown content of the document.
            file_name (str): The name of the file to create, without extension.
        """
        file_name = cls._validate_file_name(file_name)
        html_body = markdown.markdown(original_content, extensions=["tables", "fenced_code"])
        html = HTML_TEMPLATE.format(title=file_name, body=html_body)
        os.makedirs(OUTPUT_DIR, exist_ok=True)
        path = os.path.join(OUTPUT_DIR, f"{file_name}.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        url = f"{os.getenv('FILESERVER_URL_PREFIX')}/{path}"
        logger.info(f"Generated document {url}")
        return url


def get_tools(**kwargs):
    return [FunctionTool.from_defaults(DocumentGenerator.generate_html_document)]
