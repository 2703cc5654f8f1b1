/** Vietnamese paths: what users see in the address bar. */
export const PATHS = {
  login: '/dang-nhap',
  /** The home page of every signed-in person: "Việc cần làm". */
  tasks: '/',
  tree: '/cay-to-chuc',
  organization: (id: string) => `/to-chuc/${id}`,
  workplace: (id: string) => `/co-quan/${id}`,
  people: '/nhan-su',
  accounts: '/tai-khoan',
  provinceImport: '/nhap-so',
  audit: '/nhat-ky',
  settings: '/cai-dat',
  changePassword: '/doi-mat-khau',
  accountSecurity: '/bao-mat',
  personalData: (personId: string) => `/nhan-su/${personId}/du-lieu-ca-nhan`,
  plans: '/ke-hoach',
  plan: (id: string) => `/ke-hoach/${id}`,
  planProgress: (id: string) => `/ke-hoach/${id}/tien-do`,
  concerns: '/vuong-mac',
  concern: (id: string) => `/vuong-mac/${id}`,
  mySelfCriticisms: '/tu-phe-binh',
  myCompiledPoints: '/y-kien-ve-toi',
  selfCriticism: (id: string) => `/tu-phe-binh/${id}`,
  workplaceSelfCriticisms: (planId: string, workplaceId: string) =>
    `/ke-hoach/${planId}/co-quan/${workplaceId}/tu-phe-binh`,
  meeting: (planId: string, workplaceId: string) => `/ke-hoach/${planId}/co-quan/${workplaceId}/hop`,
  meetingLive: (meetingId: string) => `/hop/${meetingId}/truc-tiep`,
  myMeetings: '/hop',
  onlineFeedback: '/gop-y',
  myRemediation: '/khac-phuc',
  /** The light supervision page for the masses' codes (its own entry, src/supervise). */
  supervise: '/giam-sat',
  yearEnd: '/tong-ket',
  /** The user guide ("Hướng dẫn"), a chapter per role; its pictures at /huong-dan/anh. */
  guide: '/huong-dan',
  reports: '/bao-cao',
  report: (planId: string, organizationId: string) => `/bao-cao/${planId}/${organizationId}`,
  /** The light phone form (its own entry, src/form): the code travels in the fragment, never to the server's logs. */
  phoneForm: (code: string) => `/phieu#${code}`,
} as const;
