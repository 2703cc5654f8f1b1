import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client.js';
import {
  archiveName,
  committeeName,
  type DocumentHeaderLines,
  documentHeaderLines,
  issuerShortName,
  type NamedOrganization,
  partyOrganizationName,
} from '../../domain/party-header.js';
import { notFound } from '../errors.js';

/** What the party documents of one organization print about it and the level above it. */
export interface DocumentNames {
  kind: string;
  /** The two lines over the star. */
  header: DocumentHeaderLines;
  /** `Chi bộ Văn phòng Sở Y tế`: in running text. */
  committeeName: string;
  /** `CB`: the symbol's issuer part (`BB/CB`). */
  shortName: string;
  /** The level its reports and minutes go to (`Đảng ủy Sở Y tế`); null at the top of the tree. */
  parentCommitteeName: string | null;
  /** `Đảng bộ Sở Y tế`, the party organization above; null at the top of the tree. */
  parentPartyName: string | null;
  /** `Lưu chi bộ`, `Lưu Văn phòng Đảng ủy`: the last item of its `Nơi nhận:`. */
  archive: string;
  /**
   * `Nơi nhận:` of what it sends up (minutes, compilation, report): the level above, then its own
   * archive, e.g. `Đảng ủy Sở Y tế (b/c)`, `Lưu chi bộ`.
   */
  recipients: string[];
}

type ChainRow = NamedOrganization & Record<string, unknown>;

/** Names built from each level's kind and name, root first, in one query along the path. */
export async function documentNames(db: DbOrTx, organizationId: string): Promise<DocumentNames> {
  const chain = await queryRows<ChainRow>(
    db,
    sql`select o.kind, o.name, o.short_name as "shortName", o.header_superior as "headerSuperior",
               o.header_issuer as "headerIssuer"
        from organizations target
        join organizations o on target.path like o.path || '%'
        where target.id = ${organizationId}
        order by o.depth`,
  );
  const own = chain.at(-1);
  if (!own) throw notFound('tổ chức đảng');
  const parent = chain.at(-2);
  return {
    kind: own.kind,
    header: documentHeaderLines(chain),
    committeeName: committeeName(own),
    shortName: issuerShortName(own),
    parentCommitteeName: parent ? committeeName(parent) : null,
    parentPartyName: parent ? partyOrganizationName(parent) : null,
    archive: archiveName(own),
    recipients: [...(parent ? [`${committeeName(parent)} (b/c)`] : []), archiveName(own)],
  };
}
