import httpx
import pytest
import respx

from market_research.tools import CompanyLookupTool, SaveReportTool, WebSearchTool
from market_research.tools.report import slugify


def test_company_lookup_filters_by_region(company_db):
    out = CompanyLookupTool()._run(region="EU", order_by="employees")
    assert "Infarm" in out and "Agricool" in out and "AeroFarms" not in out
    assert out.index("Infarm") < out.index("Agricool")


def test_company_lookup_treats_name_as_data(company_db):
    out = CompanyLookupTool()._run(name="x' OR '1'='1")
    assert out == "No matching companies."


def test_company_lookup_rejects_unknown_sort(company_db):
    assert "order_by must be one of" in CompanyLookupTool()._run(order_by="name; DROP TABLE companies")


@pytest.mark.parametrize("title,slug", [("Vertical Farming EU", "vertical-farming-eu"), ("../../etc/passwd", "etc-passwd"), ("!!!", "report")])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_save_report_stays_in_folder(reports_dir):
    path = SaveReportTool()._run(title="../../outside", markdown="# hi")
    assert path.startswith(str(reports_dir.resolve()))


@respx.mock
def test_web_search_formats_results(monkeypatch):
    monkeypatch.setenv("SERPER_API_KEY", "test")
    respx.post("https://google.serper.dev/search").mock(
        return_value=httpx.Response(200, json={"organic": [{"title": "Market report", "link": "https://example.com/r", "snippet": "Grew 20%"}]})
    )
    out = WebSearchTool()._run(query="vertical farming market size")
    assert "https://example.com/r" in out and "untrusted" in out


def test_web_search_without_key(monkeypatch):
    monkeypatch.delenv("SERPER_API_KEY", raising=False)
    assert "not configured" in WebSearchTool()._run(query="anything")
