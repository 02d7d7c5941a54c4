import logging
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from app.api.services.file import FileService

file_upload_router = r = APIRouter()
logger = logging.getLogger("uvicorn")


class FileUploadRequest(BaseModel):
    base64: str
    name: str
    params: Any = None


@r.post("")
def upload_file(request: FileUploadRequest) -> dict:
    try:
        logger.info(f"Processing file: {request.name}")
        return FileService.process_private_file(request.name, request.base64, request.params)
    except ValueError as e:
        raise HTTPException(status_code=400, detail=str(e))
    except Exception as e:
        logger.error(f"Error processing file: {e}", exc_info=True)
        raise HTTPException(status_code=500, detail="Error processing file")
