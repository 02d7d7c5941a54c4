import json

from fastapi import Request
from fastapi.responses import StreamingResponse


class VercelStreamResponse(StreamingResponse):
    TEXT_PREFIX = "0:"
    DATA_PREFIX = "8:"

    @classmethod
    def convert_text(cls, token: str) -> str:
        return f"{cls.TEXT_PREFIX}{json.dumps(token)}\n"

    @classmethod
    def convert_data(cls, data: dict) -> str:
        return f"{cls.DATA_PREFIX}[{json.dumps(data)}]\n"

    def __init__(self, request: Request, response, *args, **kwargs):
        super().__init__(content=self._stream(request, response), media_type="text/plain", *args, **kwargs)

    async def _stream(self, request: Request, response):
        async for token in response.async_response_gen():
            if await request.is_disconnected():
                break
            yield self.convert_text(token)
        nodes = [{"id": n.node.node_id, "metadata": n.node.metadata, "score": n.score} for n in response.source_nodes]
        yield self.convert_data({"type": "sources", "data": {"nodes": nodes}})
