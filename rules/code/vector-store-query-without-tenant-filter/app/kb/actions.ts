'use server';
// @ts-nocheck (fixture: analysed by AISec, not compiled)
import weaviate from 'weaviate-client';
import { auth } from '@/lib/auth';

const client = await weaviate.connectToLocal();
const articles = client.collections.get('Article');

export async function searchArticles(q: string) {
  // ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
  const res = await articles.query.nearText(q, { limit: 5 });
  return res.objects.map((o) => o.properties);
}

export async function searchMyArticles(q: string) {
  const session = await auth();
  // ok: vector-store-query-without-tenant-filter
  const res = await articles.query.nearText(q, { limit: 5, filters: articles.filter.byProperty('orgId').equal(session.user.orgId) });
  // ok: vector-store-query-without-tenant-filter
  const tenantRes = await articles.withTenant(session.user.orgId).query.hybrid(q, { limit: 5 });
  return [...res.objects, ...tenantRes.objects].map((o) => o.properties);
}
