import os
import sqlite3
from typing import Literal, Optional, Type

from crewai.tools import BaseTool
from pydantic import BaseModel, Field

SORTABLE = {"revenue_musd", "employees", "founded", "name"}


class CompanyLookupInput(BaseModel):
    name: Optional[str] = Field(None, max_length=120, description="Company name (exact or prefix)")
    segment: Optional[str] = Field(None, max_length=80, description="Market segment")
    region: Optional[str] = Field(None, max_length=40, description="Region code such as EU or US")
    order_by: Literal["revenue_musd", "employees", "founded", "name"] = "revenue_musd"
    limit: int = Field(20, ge=1, le=100)


class CompanyLookupTool(BaseTool):
    name: str = "company_lookup"
    description: str = (
        "Look up companies in the internal company database by name prefix, segment or region. "
        "Returns revenue (MUSD), employees and founding year."
    )
    args_schema: Type[BaseModel] = CompanyLookupInput

    def _connect(self) -> sqlite3.Connection:
        path = os.environ.get("COMPANY_DB", "./knowledge/companies.sqlite3")
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def _run(
        self,
        name: Optional[str] = None,
        segment: Optional[str] = None,
        region: Optional[str] = None,
        order_by: str = "revenue_musd",
        limit: int = 20,
    ) -> str:
        if order_by not in SORTABLE:
            return f"order_by must be one of {sorted(SORTABLE)}"
        clauses, params = [], []
        if name:
            clauses.append("name LIKE ? || '%'")
            params.append(name)
        if segment:
            clauses.append("segment = ?")
            params.append(segment)
        if region:
            clauses.append("region = ?")
            params.append(region)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT name, segment, region, revenue_musd, employees, founded FROM companies {where} ORDER BY {order_by} DESC LIMIT ?"
        with self._connect() as conn:
            rows = conn.execute(sql, (*params, limit)).fetchall()
        if not rows:
            return "No matching companies."
        header = "| name | segment | region | revenue_musd | employees | founded |\n|---|---|---|---|---|---|"
        return header + "\n" + "\n".join("| " + " | ".join(str(v) for v in r) + " |" for r in rows)
