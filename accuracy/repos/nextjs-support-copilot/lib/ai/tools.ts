import { tool } from "ai";
import { z } from "zod";
import { createReturnRequest, getOrderById, listOrdersForUser, listReviews, searchHelpArticles } from "@/lib/db/queries";

const ORDER_ID = z.string().regex(/^A-\d{6,10}$/, "order ids look like A-1234567");

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Tools bound to the signed-in user: the model never chooses whose data it reads. */
export function createTools(userId: string) {
  return {
    listMyOrders: tool({
      description: "List the customer's most recent orders with their status and total.",
      inputSchema: z.object({ limit: z.number().int().min(1).max(20).default(5) }),
      execute: async ({ limit }) => {
        const rows = await listOrdersForUser(userId, limit);
        return rows.map((o) => ({ id: o.id, status: o.status, total: money(o.totalCents), date: o.createdAt.toISOString().slice(0, 10) }));
      },
    }),

    getOrderDetails: tool({
      description: "Get the items, status, shipping address and tracking number of one order.",
      inputSchema: z.object({ orderId: ORDER_ID }),
      execute: async ({ orderId }) => {
        const order = await getOrderById(orderId);
        if (!order) return { error: "Order not found" };
        return {
          id: order.id,
          status: order.status,
          total: money(order.totalCents),
          items: order.items,
          shippingAddress: order.shippingAddress,
          trackingNumber: order.trackingNumber,
        };
      },
    }),

    requestReturn: tool({
      description: "Open a return request for a delivered order. Ask the customer to confirm before calling.",
      inputSchema: z.object({
        orderId: ORDER_ID,
        reason: z.string().min(5).max(500),
        confirmed: z.literal(true).describe("Set only after the customer explicitly confirmed the return"),
      }),
      execute: async ({ orderId, reason }) => createReturnRequest(userId, orderId, reason),
    }),

    searchHelpCenter: tool({
      description: "Search the help-center articles (shipping, returns, payments, account).",
      inputSchema: z.object({ query: z.string().min(2).max(120) }),
      execute: async ({ query }) => {
        const rows = await searchHelpArticles(query, 3);
        return rows.map((a) => ({ title: a.title, url: `/help/${a.slug}`, excerpt: a.body.slice(0, 1200) }));
      },
    }),

    productReviews: tool({
      description: "Read recent customer reviews of a product (by SKU) to answer questions about fit, quality or sizing.",
      inputSchema: z.object({ sku: z.string().regex(/^[A-Z0-9-]{3,40}$/), limit: z.number().int().min(1).max(20).default(8) }),
      execute: async ({ sku, limit }) => {
        const rows = await listReviews(sku, limit);
        return rows.map((r) => ({ rating: r.rating, review: r.body.slice(0, 800), date: r.createdAt.toISOString().slice(0, 10) }));
      },
    }),
  };
}

export type SupportTools = ReturnType<typeof createTools>;
