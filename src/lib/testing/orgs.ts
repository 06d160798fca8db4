/**
 * Organizations for specs: an organization with an active admin, members added through invitations
 * (as in the product), on either engine.
 */
import type { Database } from '../server/db/store';
import { membership, type Member } from '../server/accounts/access';
import * as accounts from '../server/accounts/accounts';
import * as members from '../server/accounts/members';

export const GOOD_PASSWORD = 'Sungai Mahakam pagi berkabut 7';

export async function orgWithAdmin(db: Database, name = 'DPMD Kabupaten Kutai Kartanegara', login = 'admin@kukar.go.id') {
	const { organization, account, token } = await accounts.createAdminWithSetupLink(db, { organization: name, login, name: 'Rina Admin' });
	await accounts.completeLink(db, token, { name: 'Rina Admin', password: GOOD_PASSWORD });
	const admin = (await membership(db, account.id, organization.id))!;
	/** A new member in `role`, who has opened their invitation and chosen a password. */
	const add = async (memberLogin: string, role: accounts.OrgRole, memberName = `Anggota ${role}`): Promise<Member> => {
		const invite = await members.invite(db, admin, { login: memberLogin, role });
		const joined = await accounts.completeLink(db, invite, { name: memberName, password: GOOD_PASSWORD });
		return (await membership(db, joined.id, organization.id))!;
	};
	return { organization, account, admin, add };
}
