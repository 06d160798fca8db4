/** `npm run admin -- …` (see src/lib/server/accounts/cli.ts). Bundled to build/admin.js. */
import { AccountError } from '../src/lib/server/accounts/accounts';
import { run } from '../src/lib/server/accounts/cli';
import { closeContext, getContext } from '../src/lib/server/context';

try {
	for (const line of await run(getContext().store.db, process.argv.slice(2))) console.log(line);
	closeContext();
} catch (error) {
	closeContext();
	if (!(error instanceof AccountError)) throw error;
	console.error(error.message);
	process.exit(1);
}
