import { describe, expect, it } from 'vitest';
import {
  archiveName,
  bareName,
  committeeName,
  documentHeaderLines,
  issuerShortName,
  type NamedOrganization,
  partyOrganizationName,
} from './party-header.js';

const province: NamedOrganization = { kind: 'province', name: 'Đảng bộ tỉnh Trà Vinh' };
const bloc: NamedOrganization = { kind: 'bloc', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp' };
const base: NamedOrganization = { kind: 'base', name: 'Đảng bộ Sở Y tế' };
const cell: NamedOrganization = { kind: 'cell', name: 'Chi bộ Văn phòng Sở Y tế' };
const baseCell: NamedOrganization = { kind: 'base-cell', name: 'Chi bộ Sở Tư pháp' };

describe('names of an organization in party documents', () => {
  it.each([
    ['Đảng bộ Sở Y tế', 'Sở Y tế'],
    ['Đảng ủy Khối các cơ quan và doanh nghiệp', 'Khối các cơ quan và doanh nghiệp'],
    ['Chi bộ Văn phòng Sở Y tế', 'Văn phòng Sở Y tế'],
    ['Đảng bộ tỉnh Trà Vinh', 'tỉnh Trà Vinh'],
    ['Tỉnh ủy Trà Vinh', 'tỉnh Trà Vinh'],
    ['Thành ủy Cần Thơ', 'thành phố Cần Thơ'],
    ['  đảng  bộ   cơ sở A ', 'cơ sở A'],
    ['Tổ chức sinh 7', 'Tổ chức sinh 7'],
  ])('bare name of %s is %s', (name, bare) => {
    expect(bareName(name)).toBe(bare);
  });

  it.each([
    [province, 'Đảng bộ tỉnh Trà Vinh', 'Tỉnh ủy Trà Vinh'],
    [
      { kind: 'province', name: 'Đảng bộ thành phố Cần Thơ' },
      'Đảng bộ thành phố Cần Thơ',
      'Thành ủy Cần Thơ',
    ],
    [bloc, 'Đảng bộ Khối các cơ quan và doanh nghiệp', 'Đảng ủy Khối các cơ quan và doanh nghiệp'],
    [base, 'Đảng bộ Sở Y tế', 'Đảng ủy Sở Y tế'],
    [cell, 'Chi bộ Văn phòng Sở Y tế', 'Chi bộ Văn phòng Sở Y tế'],
    [baseCell, 'Chi bộ Sở Tư pháp', 'Chi bộ Sở Tư pháp'],
    [{ kind: 'base', name: 'Tổ chức sinh 3' }, 'Đảng bộ Tổ chức sinh 3', 'Đảng ủy Tổ chức sinh 3'],
    [{ kind: 'cell', name: 'Tổ chức sinh 4' }, 'Chi bộ Tổ chức sinh 4', 'Chi bộ Tổ chức sinh 4'],
    // Kinds are data: an unknown kind is named by what its name says it is.
    [
      { kind: 'district', name: 'Đảng bộ huyện Càng Long' },
      'Đảng bộ huyện Càng Long',
      'Đảng ủy huyện Càng Long',
    ],
    [{ kind: 'group', name: 'Chi bộ Ấp 3' }, 'Chi bộ Ấp 3', 'Chi bộ Ấp 3'],
    [{ kind: 'central', name: 'Đảng Cộng sản Việt Nam' }, 'Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Việt Nam'],
  ])('%o is the party organization %s, issuing as %s', (organization, party, committee) => {
    expect(partyOrganizationName(organization)).toBe(party);
    expect(committeeName(organization)).toBe(committee);
  });

  it.each([
    [[province], '', 'TỈNH ỦY TRÀ VINH'],
    [[province, bloc], 'ĐẢNG BỘ TỈNH TRÀ VINH', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP'],
    [[province, bloc, base], 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP', 'ĐẢNG ỦY SỞ Y TẾ'],
    [[province, bloc, base, cell], 'ĐẢNG BỘ SỞ Y TẾ', 'CHI BỘ VĂN PHÒNG SỞ Y TẾ'],
    [[province, bloc, baseCell], 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP', 'CHI BỘ SỞ TƯ PHÁP'],
  ])('the header of %o reads %s over %s', (chain, superior, issuer) => {
    expect(documentHeaderLines(chain)).toEqual({ superior, issuer });
  });

  it('prints the lines an organization sets for itself, and never its parent’s issuing body as its superior', () => {
    const variant = { ...base, headerIssuer: 'Đảng ủy Sở Y tế tỉnh Trà Vinh' };
    expect(documentHeaderLines([bloc, variant])).toEqual({
      superior: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
      issuer: 'ĐẢNG ỦY SỞ Y TẾ TỈNH TRÀ VINH',
    });
    const root = { ...bloc, headerSuperior: 'Đảng bộ tỉnh Trà Vinh' };
    expect(documentHeaderLines([root]).superior).toBe('ĐẢNG BỘ TỈNH TRÀ VINH');
    // The parent's own variant of its issuing line does not leak into its children's headers.
    expect(documentHeaderLines([variant, cell]).superior).toBe('ĐẢNG BỘ SỞ Y TẾ');
  });

  it.each([
    [{ ...cell, shortName: '' }, 'CB'],
    [{ ...base, shortName: '' }, 'ĐU'],
    [{ ...bloc, shortName: 'ĐUK' }, 'ĐUK'],
    [province, 'TU'],
    [{ kind: 'central', name: 'Đảng Cộng sản Việt Nam' }, ''],
  ])('the symbol of %o ends in %s', (organization, short) => {
    expect(issuerShortName(organization)).toBe(short);
  });

  it.each([
    [cell, 'Lưu chi bộ'],
    [baseCell, 'Lưu chi bộ'],
    [base, 'Lưu Văn phòng Đảng ủy'],
    [province, 'Lưu Văn phòng Tỉnh ủy'],
  ])('%o keeps its copy as %s', (organization, archive) => {
    expect(archiveName(organization)).toBe(archive);
  });
});
