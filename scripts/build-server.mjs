// Bundles the server's entry points: server/main.ts (and the realtime code it imports) into
// build/server.js, the account command line (npm run admin) into build/admin.js and the retention
// run (npm run retention) into build/retention.js and the migrations (npm run migrate) into
// build/migrate.js, all from the same sources.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };
await build({ ...common, entryPoints: ['server/main.ts'], outfile: 'build/server.js', external: ['./handler.js'] });
await build({ ...common, entryPoints: ['server/admin.ts'], outfile: 'build/admin.js' });
await build({ ...common, entryPoints: ['server/retention.ts'], outfile: 'build/retention.js' });
await build({ ...common, entryPoints: ['server/migrate.ts'], outfile: 'build/migrate.js' });
console.log('built build/server.js, build/admin.js, build/retention.js and build/migrate.js');
