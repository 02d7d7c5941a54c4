from market_research.tools.company_db import CompanyLookupTool
from market_research.tools.notes import ReadNotesTool
from market_research.tools.report import SaveReportTool
from market_research.tools.web_search import WebSearchTool

__all__ = ["CompanyLookupTool", "ReadNotesTool", "SaveReportTool", "WebSearchTool"]
