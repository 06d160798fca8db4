/** A seeded random source (mulberry32): the same cases for the same seed, so a failure can be replayed. */
export function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return {
		next,
		/** A whole number in [0, n). */
		int,
		/** True with probability `p`. */
		chance: (p: number) => next() < p,
		pick: <T>(list: readonly T[]): T => list[int(list.length)]
	};
}

export type Rng = ReturnType<typeof random>;
