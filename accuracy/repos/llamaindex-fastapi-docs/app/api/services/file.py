import base64
import mimetypes
import os
import uuid
from pathlib import Path

from llama_index.core import VectorStoreIndex
from llama_index.core.readers.file.base import default_file_metadata_func, _try_loading_included_file_formats as get_file_loaders_map

from app.engine.index import STORAGE_DIR, get_index

PRIVATE_STORE_PATH = str(Path("output", "uploaded"))
ALLOWED_EXTENSIONS = {".pdf", ".docx", ".md", ".txt", ".csv"}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class FileService:
    @classmethod
    def _preprocess_base64_file(cls, base64_content: str) -> tuple[bytes, str | None]:
        header, data = base64_content.split(",", 1)
        mime_type = header.split(";")[0].split(":", 1)[1]
        extension = mimetypes.guess_extension(mime_type)
        return base64.b64decode(data), extension

    @classmethod
    def _store_file(cls, file_name: str, content: bytes) -> Path:
        original = Path(file_name)
        if original.suffix.lower() not in ALLOWED_EXTENSIONS:
            raise ValueError(f"Unsupported file type {original.suffix}")
        stored_name = f"{original.stem}_{uuid.uuid4()}{original.suffix.lower()}"
        os.makedirs(PRIVATE_STORE_PATH, exist_ok=True)
        path = Path(PRIVATE_STORE_PATH, stored_name)
        path.write_bytes(content)
        return path

    @classmethod
    def process_private_file(cls, file_name: str, base64_content: str, params=None) -> dict:
        content, _ = cls._preprocess_base64_file(base64_content)
        if len(content) > MAX_UPLOAD_BYTES:
            raise ValueError("File is too large")
        path = cls._store_file(file_name, content)

        reader_cls = get_file_loaders_map().get(path.suffix)
        documents = reader_cls().load_data(path) if reader_cls else [path.read_text(errors="replace")]
        doc_id = str(uuid.uuid4())
        for doc in documents:
            doc.metadata.update(default_file_metadata_func(str(path)))
            doc.metadata["private"] = "true"
            doc.metadata["doc_id"] = doc_id

        index = get_index() or VectorStoreIndex.from_documents([])
        for doc in documents:
            index.insert(doc)
        index.storage_context.persist(STORAGE_DIR)
        return {"id": doc_id, "name": path.name, "url": f"{os.getenv('FILESERVER_URL_PREFIX')}/{path.as_posix()}"}
