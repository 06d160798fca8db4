// Whether the machine's PostgreSQL answers: plain JavaScript, so that vite.config.ts can ask before
// it declares the `postgres` test project (src/lib/testing/postgres.ts re-exports both).
import pg from 'pg';

/** The machine's PostgreSQL server, for specs that need one (database `test`, trust auth). */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Null when PostgreSQL answers at `url`; otherwise the driver's reason.
 * @param {string} [url]
 * @returns {Promise<string | null>}
 */
export async function postgresProblem(url = PG_TEST_URL) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.query('SELECT 1');
		return null;
	} catch (error) {
		return (error instanceof Error && error.message) || String(error);
	} finally {
		await client.end().catch(() => {});
	}
}
