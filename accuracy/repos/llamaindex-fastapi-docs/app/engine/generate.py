# flake8: noqa: E402
from dotenv import load_dotenv

load_dotenv()

import logging
import os

from llama_index.core.indices import VectorStoreIndex
from llama_index.core.readers import SimpleDirectoryReader

from app.engine.index import STORAGE_DIR
from app.settings import init_settings

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger()


def generate_datasource():
    init_settings()
    logger.info("Creating new index")
    documents = SimpleDirectoryReader("data", recursive=True, filename_as_id=True).load_data()
    for doc in documents:
        doc.metadata["private"] = "false"
    index = VectorStoreIndex.from_documents(documents, show_progress=True)
    index.storage_context.persist(os.path.join(STORAGE_DIR))
    logger.info(f"Finished creating new index. Stored in {STORAGE_DIR}")


if __name__ == "__main__":
    generate_datasource()
