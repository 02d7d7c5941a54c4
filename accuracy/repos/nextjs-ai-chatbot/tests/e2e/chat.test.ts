import { expect, test } from '@playwright/test';

test.describe('chat activity', () => {
  test('send a user message and receive response', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('multimodal-input').fill('Why is grass green?');
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('message-assistant')).toContainText("It's just green duh!");
  });
});
