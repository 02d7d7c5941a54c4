import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { convert } from "html-to-text";
import { toMrkdwn } from "../../lib/format.js";
import { summarize } from "../../lib/openai.js";

export async function tldrCommand({ command, ack, respond, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) {
  await ack();
  const url = command.text.trim().replace(/^<|>$/g, "");
  if (!/^https?:\/\//.test(url)) {
    await respond({ response_type: "ephemeral", text: "Usage: /tldr https://example.com/article" });
    return;
  }
  try {
    const page = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(10_000) });
    const text = convert(await page.text(), { wordwrap: false }).slice(0, 20_000);
    const summary = await summarize(text);
    await respond({ response_type: "in_channel", text: `*TL;DR* ${url}\n${toMrkdwn(summary)}`, unfurl_links: false });
  } catch (error) {
    logger.warn("tldr failed", error);
    await respond({ response_type: "ephemeral", text: "Could not fetch or summarise that page." });
  }
}
