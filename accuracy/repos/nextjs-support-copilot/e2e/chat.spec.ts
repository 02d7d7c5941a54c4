import { expect, test } from "@playwright/test";

const STREAM = [
  'data: {"type":"start","messageId":"m1"}',
  'data: {"type":"text-start","id":"t1"}',
  'data: {"type":"text-delta","id":"t1","delta":"Your order **A-1000001** has shipped."}',
  'data: {"type":"text-end","id":"t1"}',
  'data: {"type":"finish"}',
  "data: [DONE]",
].join("\n\n");

test.beforeEach(async ({ context }) => {
  await context.addCookies([{ name: "sid", value: "e2e_session_0123456789abcdef0123456789", url: "http://localhost:3000" }]);
});

test("asks about an order and renders the streamed answer", async ({ page }) => {
  await page.route("**/api/chat", async (route) => {
    const body = route.request().postDataJSON();
    expect(body.message.parts[0].text).toBe("Where is my order?");
    await route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1", "x-chat-id": "3f1e0c1a-8b44-4c1e-9d2a-0a6f7b1e2c3d" },
      body: STREAM,
    });
  });
  await page.goto("/");
  await page.getByPlaceholder("Ask about an order, a return...").fill("Where is my order?");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message-assistant")).toContainText("has shipped");
  await expect(page.getByTestId("message-assistant").locator("strong")).toHaveText("A-1000001");
});

test("redirects to login without a session", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("chat API rejects an invalid body", async ({ request }) => {
  const res = await request.post("/api/chat", { data: { message: { role: "system", parts: [] } } });
  expect([400, 401]).toContain(res.status());
});
