import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// Every component in runes mode, even one that needs no runes (LanguageSwitch): a single
	// legacy-mode component switches on Svelte's legacy code paths for the whole phone page.
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Small stylesheets go inside the page: on a phone with 300 ms of latency each one is a
		// round trip before the join form can be drawn (docs/performance.md, slow phone).
		inlineStyleThreshold: 8192,
		// Registered by the participant page alone, for its own pages (/j/): the console, the
		// projector and the home page have no use for an offline copy (routes/j/[code]/+page.svelte).
		serviceWorker: { register: false },
		// The server resolves a link's route, so the table of every route (the organization's
		// pages included) is not in the phone's start: it grew with each page added.
		router: { resolution: 'server' },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// blob: for the dokumentasi's photos, fetched with the staff key (an <img> cannot send one).
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self', 'ws:', 'wss:'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
