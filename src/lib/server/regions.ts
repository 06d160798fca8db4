/**
 * Indonesia's administrative areas from the official Kemendagri list (`idn-area-data`): province →
 * kabupaten/kota → kecamatan → desa/kelurahan, by code (11, 11.01, 11.01.01, 11.01.01.2001). Read
 * once per level on first use and kept in memory; pages ask one level at a time through /api/regions.
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

export interface Region {
	code: string;
	name: string;
}
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

interface Level {
	byCode: Map<string, Region & { parent: string }>;
	byParent: Map<string, Region[]>;
}

const loaded = new Map<RegionLevel, Promise<Level>>();

function index(rows: { code: string; name: string; parent: string }[]): Level {
	const byCode = new Map<string, Region & { parent: string }>();
	const byParent = new Map<string, Region[]>();
	for (const row of rows) {
		byCode.set(row.code, row);
		const list = byParent.get(row.parent) ?? [];
		list.push({ code: row.code, name: row.name });
		byParent.set(row.parent, list);
	}
	for (const list of byParent.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'id'));
	return { byCode, byParent };
}

/** "KABUPATEN PASER" → "Kabupaten Paser"; village names are already in title case. */
function titleCase(name: string): string {
	return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()) : name;
}

function level(which: RegionLevel): Promise<Level> {
	let promise = loaded.get(which);
	if (!promise) {
		promise = (async () => {
			if (which === 'province') return index((await getProvinces()).map((r) => ({ code: r.code, name: titleCase(r.name), parent: '' })));
			if (which === 'regency') return index((await getRegencies()).map((r) => ({ code: r.code, name: titleCase(r.name), parent: r.province_code })));
			if (which === 'district') return index((await getDistricts()).map((r) => ({ code: r.code, name: titleCase(r.name), parent: r.regency_code })));
			return index((await getVillages()).map((r) => ({ code: r.code, name: titleCase(r.name), parent: r.district_code })));
		})();
		promise.catch(() => loaded.delete(which));
		loaded.set(which, promise);
	}
	return promise;
}

const LEVELS: RegionLevel[] = ['province', 'regency', 'district', 'village'];

/** The level a code belongs to by its shape, or null when it is no region code. */
export function levelOf(code: string): RegionLevel | null {
	if (/^\d{2}$/.test(code)) return 'province';
	if (/^\d{2}\.\d{2}$/.test(code)) return 'regency';
	if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 'district';
	if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 'village';
	return null;
}

/** The areas one level below a code ('' for the provinces); empty for an unknown code or below a village. */
export async function children(parent: string): Promise<Region[]> {
	if (parent === '') return (await level('province')).byParent.get('') ?? [];
	const at = levelOf(parent);
	if (!at || at === 'village') return [];
	const below = LEVELS[LEVELS.indexOf(at) + 1];
	return (await level(below)).byParent.get(parent) ?? [];
}

/** A code's area and every area above it, province first; null for an unknown code. */
export async function path(code: string): Promise<Region[] | null> {
	const at = levelOf(code);
	if (!at) return null;
	const out: Region[] = [];
	let current: string | undefined = code;
	for (let i = LEVELS.indexOf(at); i >= 0 && current !== undefined; i--) {
		const found = (await level(LEVELS[i])).byCode.get(current);
		if (!found) return null;
		out.unshift({ code: found.code, name: found.name });
		current = found.parent;
	}
	return out;
}

/** The printable name of a region, most precise first: "Kecamatan Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur". */
export async function describe(code: string): Promise<{ code: string; name: string } | null> {
	const found = await path(code);
	if (!found) return null;
	const names = found.map((r, i) => (i === 2 ? `Kecamatan ${r.name}` : r.name)).reverse();
	return { code, name: names.join(', ') };
}
