// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { DataSource } from 'typeorm';
import { SqlDatabase } from 'langchain/sql_db';
import { SqlToolkit, createSqlAgent } from 'langchain/agents/toolkits/sql';
import { ChatOpenAI } from '@langchain/openai';

const llm = new ChatOpenAI({ model: 'gpt-4o-mini' });

const datasource = new DataSource({ type: 'sqlite', database: 'data/chinook.db' });
// ruleid: sql-agent-unrestricted-database
const db = await SqlDatabase.fromDataSourceParams({ appDataSource: datasource });
export const executor = createSqlAgent(llm, new SqlToolkit(db, llm));

const pg = new DataSource({ type: 'postgres', host: 'db.internal', username: 'app_rw', password: process.env.PG_PASSWORD, database: 'shop' });
// ruleid: sql-agent-unrestricted-database
const shop = await SqlDatabase.fromDataSourceParams({ appDataSource: pg });
export const shopAgent = createSqlAgent(llm, new SqlToolkit(shop, llm));

const reporting = new DataSource({ type: 'postgres', host: 'replica.internal', username: 'readonly_reporter', database: 'shop' });
// ok: sql-agent-unrestricted-database
const reports = await SqlDatabase.fromDataSourceParams({ appDataSource: reporting });

// ok: sql-agent-unrestricted-database
const scoped = await SqlDatabase.fromDataSourceParams({ appDataSource: datasource, includesTables: ['Album', 'Artist', 'Track'] });
export const scopedAgent = createSqlAgent(llm, new SqlToolkit(scoped, llm));
