import os

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

files_router = r = APIRouter()

ALLOWED_ROOTS = ("data/", "output/")


@r.get("/{file_path:path}")
def download_file(file_path: str):
    if not file_path.startswith(ALLOWED_ROOTS):
        raise HTTPException(status_code=403, detail="Forbidden")
    if not os.path.isfile(file_path):
        raise HTTPException(status_code=404, detail="File not found")
    return FileResponse(file_path)
