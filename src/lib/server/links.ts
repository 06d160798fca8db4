/** The links a facilitator shares. PUBLIC_URL (or ORIGIN) wins over the request's own origin. */
export function publicOrigin(requestUrl: URL): string {
	const configured = process.env.PUBLIC_URL ?? process.env.ORIGIN;
	return (configured ?? requestUrl.origin).replace(/\/$/, '');
}

export interface SessionLinks {
	participantUrl: string;
	presenterUrl: string;
	whatsappUrl: string;
	qrUrl: string;
}

export function sessionLinks(origin: string, code: string, title: string): SessionLinks {
	const participantUrl = `${origin}/j/${code}`;
	const message = `Ikuti FGD "${title}" dari HP Anda: ${participantUrl} (kode ${code})`;
	return {
		participantUrl,
		presenterUrl: `${origin}/p/${code}`,
		whatsappUrl: `https://wa.me/?text=${encodeURIComponent(message)}`,
		qrUrl: `${origin}/api/sessions/${code}/qr.svg`
	};
}

/** The key rides in the fragment, which browsers never send to a server or in a Referer. */
export function facilitatorUrl(origin: string, code: string, key: string): string {
	return `${origin}/f/${code}#key=${key}`;
}

/** The minute-taker's own secret link, to the notes page. */
export function minutetakerUrl(origin: string, code: string, key: string): string {
	return `${origin}/m/${code}#key=${key}`;
}
