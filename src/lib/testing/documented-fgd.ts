/**
 * The sample FGD with what offices add to the attendance: a participant who gave jabatan and
 * L/P on her phone, a man without a phone whom the minute-taker wrote in, and two photos
 * (a landscape and a portrait one, with captions), stored as an upload stores them.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { joinSchema } from '../realtime/schemas';
import * as participants from '../server/participants';
import { normalise } from '../server/photo-image';
import * as photos from '../server/photos';
import { sampleFgd } from './fgd';
import { cameraJpeg } from './photos';
import { inTransaction } from './server';

/** A plain landscape photo: green with a white square, no EXIF. */
const landscape = () =>
	sharp({ create: { width: 2000, height: 1200, channels: 3, background: { r: 30, g: 140, b: 60 } } })
		.composite([{ input: { create: { width: 400, height: 400, channels: 3, background: '#ffffff' } }, left: 800, top: 400 }])
		.jpeg()
		.toBuffer();

export async function documentedFgd(minutesLanguage: 'id' | 'en' = 'id') {
	const fgd = await sampleFgd(minutesLanguage);
	const input = { token: randomBytes(24).toString('base64url'), name: 'Nur Aisyah', group: 'media', institution: 'Radio Tenggarong' };
	const joining = joinSchema.parse({ ...input, position: 'Reporter', sex: 'P', consent: true });
	const nur = (await inTransaction(fgd.db, (trx) => participants.join(trx, fgd.session, joining))).participant;
	await fgd.run('minutetaker', {
		type: 'attendee.add',
		attendee: { name: 'Pak Amir', group: 'komunitas', institution: 'Desa Loa Ipuh', position: 'Kepala Desa', sex: 'L' }
	});
	const store = async (bytes: Buffer, caption: string) =>
		(await photos.store(fgd.db, fgd.session.id, 'minutetaker', await normalise(bytes), caption))!.photo;
	const opening = await store(await landscape(), 'Pembukaan FGD oleh Kepala DPMD');
	const groupWork = await store(await cameraJpeg(), 'Diskusi kelompok, HP 0812-3456-7890');
	return { ...fgd, nur, photos: { opening, groupWork } };
}
