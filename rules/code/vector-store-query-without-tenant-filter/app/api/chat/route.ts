// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { NextRequest, NextResponse } from 'next/server';
import { OpenAIEmbeddings } from '@langchain/openai';
import { PineconeStore } from '@langchain/pinecone';
import { Pinecone } from '@pinecone-database/pinecone';
import { auth } from '@/lib/auth';

const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });
const pineconeIndex = pc.index(process.env.PINECONE_INDEX!);
const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });
const vectorStore = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex });

export async function POST(req: NextRequest) {
  const session = await auth();
  const { question } = await req.json();
  // ruleid: vector-store-query-without-tenant-filter
  const docs = await vectorStore.similaritySearch(question, 4);
  // ok: vector-store-query-without-tenant-filter
  const mine = await vectorStore.similaritySearch(question, 4, { orgId: session.user.orgId });
  return NextResponse.json({ docs, mine });
}

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams.get('q') ?? '';
  const vector = await embeddings.embedQuery(q);
  // ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
  const res = await pineconeIndex.query({ vector, topK: 5, includeMetadata: true });
  return NextResponse.json(res.matches);
}

export const PUT = async (req: NextRequest) => {
  const session = await auth();
  const { q } = await req.json();
  const vector = await embeddings.embedQuery(q);
  // ok: vector-store-query-without-tenant-filter
  const res = await pineconeIndex.namespace(session.user.tenantId).query({ vector, topK: 5 });
  // ok: vector-store-query-without-tenant-filter
  const filtered = await pineconeIndex.query({ vector, topK: 5, filter: { tenantId: { $eq: session.user.tenantId } } });
  return NextResponse.json([...res.matches, ...filtered.matches]);
};

export async function PATCH(req: NextRequest) {
  const session = await auth();
  const { q } = await req.json();
  // ruleid: vector-store-query-without-tenant-filter
  const retriever = vectorStore.asRetriever({ k: 6 });
  // ok: vector-store-query-without-tenant-filter
  const scoped = vectorStore.asRetriever({ k: 6, filter: { userId: session.user.id } });
  const tenantStore = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex, namespace: session.user.tenantId });
  // ok: vector-store-query-without-tenant-filter
  const perTenant = await tenantStore.similaritySearch(q, 4);
  return NextResponse.json({ a: await retriever.invoke(q), b: await scoped.invoke(q), perTenant });
}
