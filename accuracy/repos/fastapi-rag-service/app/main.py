from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api.routes import router

app = FastAPI(title="RAG service")
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_methods=["GET", "POST"], allow_headers=["*"])
app.include_router(router, prefix="/v1")


@app.get("/healthz")
async def healthz():
    return {"ok": True}
