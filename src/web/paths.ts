/** Vietnamese paths: what users see in the address bar. */
export const PATHS = {
  login: '/dang-nhap',
  tree: '/',
  organization: (id: string) => `/to-chuc/${id}`,
  workplace: (id: string) => `/co-quan/${id}`,
  people: '/nhan-su',
  accounts: '/tai-khoan',
  audit: '/nhat-ky',
  settings: '/cai-dat',
  changePassword: '/doi-mat-khau',
  plans: '/ke-hoach',
  plan: (id: string) => `/ke-hoach/${id}`,
  planProgress: (id: string) => `/ke-hoach/${id}/tien-do`,
  concerns: '/vuong-mac',
  concern: (id: string) => `/vuong-mac/${id}`,
} as const;
