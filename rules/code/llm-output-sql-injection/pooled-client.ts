// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A `client` is a database handle when it comes from a database pool, even without a driver import here; a
// GraphQL client's `query` is not SQL.
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { tool } from 'ai';
import { z } from 'zod';
import { pool } from './db';

function reportQuery(region: string): string {
  return `SELECT sum(total) FROM orders WHERE region = '${region}'`;
}

export const salesByRegion = tool({
  description: 'Total sales of a region',
  inputSchema: z.object({ region: z.string() }),
  execute: async ({ region }) => {
    const client = await pool.connect();
    try {
      // ruleid: llm-output-sql-injection
      const { rows } = await client.query(reportQuery(region));
      return rows[0];
    } finally {
      client.release();
    }
  },
});

const graph = new ApolloClient({ uri: 'https://api.example.com/graphql', cache: new InMemoryCache() });

function productQuery(name: string) {
  return gql`query { products(name: ${JSON.stringify(name)}) { id } }`;
}

export const findProduct = tool({
  description: 'Find a product',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    const client = graph;
    // ok: llm-output-sql-injection
    const { data } = await client.query({ query: productQuery(name) });
    return data;
  },
});
