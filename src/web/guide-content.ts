import type { Role } from '../domain/roles.js';

/**
 * The user guide ("Hướng dẫn"), one chapter per role. Each step may name a screenshot: the browser
 * test test/e2e/guide-screenshots.test.ts takes it from the demo and writes it to docs/guide/anh,
 * which the server serves at /huong-dan/anh/<name>.png, so the pictures follow the interface.
 */
export interface GuideStep {
  title: string;
  text: string[];
  /** File name (without .png) in docs/guide/anh. */
  image?: string;
  /** What the picture shows, for a screen reader and when it is missing. */
  imageAlt?: string;
}

export interface GuideChapter {
  id: string;
  title: string;
  /** Who reads it, in one sentence. */
  audience: string;
  steps: GuideStep[];
}

export const GUIDE_IMAGE_PATH = (name: string) => `/huong-dan/anh/${name}.png`;

export const GUIDE_CHAPTERS: GuideChapter[] = [
  {
    id: 'ban-to-chuc',
    title: 'Ban Tổ chức',
    audience:
      'Cán bộ Ban Tổ chức của cấp ủy cấp trên (tài khoản mẫu: bantochuc) — soạn, ban hành kế hoạch và theo dõi toàn khối.',
    steps: [
      {
        title: 'Soạn và ban hành kế hoạch',
        text: [
          'Vào “Kế hoạch”, bấm “Soạn kế hoạch mới”, chọn tổ chức và năm: kế hoạch được điền sẵn theo mẫu Số 03-KH/ĐUK.',
          'Sửa số, chủ đề năm, các mốc thời hạn (gõ ngày dạng dd/mm/yyyy; phím Enter ở ô ngày chỉ chuyển sang ô sau), dán danh sách biểu hiện, rồi bấm “Lưu kế hoạch”.',
          'Bấm “Ban hành”: hệ thống xác định cơ quan, đơn vị nào phải tổ chức họp (từ 10 quần chúng trở lên) và lập sẵn bản tự phê bình cho từng đảng viên.',
        ],
        image: 'ban-to-chuc-ke-hoach',
        imageAlt: 'Danh sách kế hoạch của Đảng ủy Khối',
      },
      {
        title: 'Theo dõi tiến độ đến từng buổi họp',
        text: [
          'Trong kế hoạch, mở “Tiến độ”: bảng cho thấy từng tổ chức trực thuộc với cảnh báo chậm hạn, biểu đồ và số cơ quan đã họp, đã báo cáo. Bật “Hiện thêm các cột” để xem đủ các bước.',
          'Bấm tên một tổ chức để xuống cấp dưới; ở một chi bộ, bảng “Cơ quan, đơn vị” mở đến từng buổi họp.',
          'Bấm “Xuất Excel” để tải số liệu.',
        ],
        image: 'ban-to-chuc-tien-do',
        imageAlt: 'Trang tiến độ thực hiện kế hoạch',
      },
      {
        title: 'Trả lời khó khăn, vướng mắc và nhận báo cáo',
        text: [
          '“Khó khăn, vướng mắc” liệt kê các câu hỏi cấp dưới gửi lên; mở từng câu để trả lời.',
          '“Báo cáo” cho thấy báo cáo của từng tổ chức, báo cáo nào chậm, báo cáo nào chưa có; báo cáo của cấp mình được tổng hợp sẵn số liệu.',
        ],
      },
    ],
  },
  {
    id: 'cap-uy',
    title: 'Cấp ủy',
    audience:
      'Cấp ủy cơ sở và chi ủy (tài khoản mẫu: capuy.syt, chiuy.vp) — triển khai kế hoạch, duyệt bản tự phê bình, tổ chức buổi họp.',
    steps: [
      {
        title: 'Duyệt bản tự phê bình của đảng viên',
        text: [
          'Trong kế hoạch, thẻ “Cơ quan phải họp” → bấm tên cơ quan để xem bản tự phê bình của từng đảng viên. “Chưa mở” nghĩa là đảng viên chưa mở bản của mình lần nào.',
          'Mở bản đã nộp: ghi nhận xét rồi “Thông qua”, hoặc “Trả lại” kèm lý do để đảng viên sửa. Sau khi thông qua, viết “Tóm tắt” để đọc trước quần chúng.',
        ],
        image: 'cap-uy-ban-tu-phe-binh',
        imageAlt: 'Danh sách bản tự phê bình của một cơ quan',
      },
      {
        title: 'Lập lịch họp và điểm danh',
        text: [
          'Bấm “Buổi họp” của cơ quan: nhập ngày, giờ, địa điểm, người chủ trì và thư ký (thư ký có thể là quần chúng có tài khoản), rồi “Lập lịch họp”.',
          'Ngày họp, ở thẻ “Điểm danh” đánh dấu có mặt, vắng mặt (kèm lý do) và số quần chúng dự họp.',
          'Thẻ “Phiếu giấy và góp ý ghi tên” in phiếu theo từng đảng viên; thẻ “Phiếu qua điện thoại” in mã QR và mở, đóng thời gian nhận phiếu ẩn danh.',
        ],
        image: 'cap-uy-buoi-hop',
        imageAlt: 'Trang buổi họp của một cơ quan',
      },
      {
        title: 'Sau buổi họp',
        text: [
          'Ký biên bản ở thẻ “Biên bản” (chủ trì, thư ký và đại diện quần chúng cùng ký; biên bản đã ký thì bị khóa).',
          '“Tổng hợp ý kiến”: phân loại từng ý kiến là trách nhiệm tập thể hay cá nhân, tiếp thu hoặc giải trình, rồi chốt.',
          '“Kế hoạch khắc phục”: lập việc khắc phục từ các ý kiến đã tiếp thu; quần chúng theo dõi và góp ý.',
          'Cuối cùng vào “Báo cáo” để nộp báo cáo lên cấp trên trước hạn.',
        ],
      },
    ],
  },
  {
    id: 'thu-ky',
    title: 'Thư ký buổi họp',
    audience: 'Người được cử làm thư ký (tài khoản mẫu: thuky) — ghi diễn biến và ý kiến trong buổi họp.',
    steps: [
      {
        title: 'Mở trang ghi diễn biến',
        text: [
          'Vào “Cuộc họp của tôi” và bấm tên cơ quan của buổi họp: trang ghi diễn biến mở ra. Bấm “Bắt đầu buổi họp” khi chủ trì khai mạc; các bước (1) Nghi thức, (2) Nội dung, (3) Kết thúc hiện ở đầu trang.',
        ],
      },
      {
        title: 'Ghi ý kiến về từng đảng viên',
        text: [
          'Ở phần (2) Nội dung, chọn đảng viên đang được góp ý bằng “Đảng viên trước / sau” hoặc “Chọn đảng viên”: mọi máy đang mở trang cùng chuyển theo, và khung ghi ý kiến luôn dành cho đồng chí đó (hoặc cho tập thể chi bộ).',
          'Mỗi ý kiến phải chọn “Loại ý kiến” và “Lĩnh vực” — không có lựa chọn sẵn, để không ghi nhầm. Gõ nội dung, người phát biểu (nếu có), rồi bấm “Ghi ý kiến” hoặc Ctrl+Enter. Một thông báo cho biết ý kiến đã ghi cho ai, và ý kiến hiện ngay ở cột bên phải.',
          'Mất mạng vẫn ghi được: ý kiến được giữ trên máy và tự gửi khi có mạng lại.',
        ],
        image: 'thu-ky-ghi-y-kien',
        imageAlt: 'Trang ghi diễn biến buổi họp, phần nội dung',
      },
      {
        title: 'Kết thúc',
        text: [
          'Sang phần (3) Kết thúc, thông qua biên bản, bấm “Kết thúc buổi họp”, rồi ký biên bản ở trang buổi họp.',
        ],
      },
    ],
  },
  {
    id: 'dang-vien',
    title: 'Đảng viên',
    audience: 'Đảng viên tự phê bình trước quần chúng (tài khoản mẫu: dangvien).',
    steps: [
      {
        title: 'Viết bản tự phê bình',
        text: [
          'Vào “Bản tự phê bình của tôi” và bấm “Mở”. Bản được lập sẵn theo mẫu của mình (có hoặc không có chức vụ), phần đầu lấy từ hồ sơ.',
          'Gõ từng mục; bản được tự động lưu (kể cả khi mất mạng). Danh sách “Các phiên bản” ghi lại mọi lần lưu, bắt đầu từ phiên bản 1 là bản trống lúc ban hành kế hoạch.',
          'Viết xong bấm “Gửi cấp ủy”. Nếu cấp ủy trả lại, sửa theo lý do được ghi rồi nộp lại.',
        ],
        image: 'dang-vien-ban-tu-phe-binh',
        imageAlt: 'Bản tự phê bình của đảng viên',
      },
      {
        title: 'Sau buổi họp',
        text: [
          '“Ý kiến góp ý về tôi” cho xem các ý kiến đã được tổng hợp về mình; “Kế hoạch khắc phục” cho ghi tiến độ các việc mình phải khắc phục.',
        ],
      },
    ],
  },
  {
    id: 'quan-chung',
    title: 'Quần chúng',
    audience:
      'Người lao động không là đảng viên (tài khoản mẫu: quanchung), và mọi người dự họp có mã phiếu.',
    steps: [
      {
        title: 'Góp ý',
        text: [
          '“Cuộc họp của tôi” cho biết buổi họp mình được mời. Trong buổi họp có thể phát biểu trực tiếp, viết phiếu giấy, hoặc quét mã QR để gửi phiếu ẩn danh qua điện thoại (không ai biết phiếu của ai).',
          '“Góp ý bằng văn bản” cho gửi góp ý có ghi tên đến từng đảng viên trong thời gian nhận phiếu.',
        ],
        image: 'quan-chung-cuoc-hop',
        imageAlt: 'Trang cuộc họp của tôi',
      },
      {
        title: 'Giám sát việc khắc phục',
        text: [
          '“Kế hoạch khắc phục” (hoặc trang giám sát mở bằng mã của buổi họp) cho theo dõi tiến độ từng việc và gửi ý kiến.',
        ],
      },
    ],
  },
  {
    id: 'quan-tri',
    title: 'Quản trị hệ thống',
    audience: 'Người quản trị (tài khoản mẫu: admin) — cây tổ chức, danh sách nhân sự, tài khoản, cài đặt.',
    steps: [
      {
        title: 'Tổ chức và nhân sự',
        text: [
          '“Cây tổ chức”: thêm, sửa, chuyển tổ chức đảng và cơ quan, đơn vị; nhập danh sách nhân sự từ tệp Excel ở trang từng cơ quan.',
        ],
      },
      {
        title: 'Tài khoản và vai trò',
        text: [
          '“Tài khoản và vai trò”: tạo tài khoản, cấp vai trò (Ban Tổ chức, Cấp ủy, Đảng viên, Quần chúng) cho một tổ chức, đặt lại mật khẩu, khóa tài khoản.',
          '“Nhật ký thay đổi” ghi lại mọi thao tác; “Cài đặt” chứa các thiết lập ẩn danh và bảo mật.',
        ],
        image: 'quan-tri-tai-khoan',
        imageAlt: 'Trang tài khoản và vai trò',
      },
    ],
  },
];

/** The chapter for the person's first role, for the help icon. */
export function chapterForRoles(roles: Role[]): string {
  if (roles.includes('administrator')) return 'quan-tri';
  if (roles.includes('organization-board')) return 'ban-to-chuc';
  if (roles.includes('committee')) return 'cap-uy';
  if (roles.includes('member')) return 'dang-vien';
  return 'quan-chung';
}

/** The chapter about the page at `pathname`, when one is about it; otherwise the person's own. */
export function chapterForPage(pathname: string, roles: Role[]): string {
  if (/^\/hop\/[^/]+\/truc-tiep/.test(pathname)) return 'thu-ky';
  if (pathname.startsWith('/tu-phe-binh') || pathname.startsWith('/y-kien-ve-toi')) return 'dang-vien';
  if (pathname.startsWith('/gop-y')) return 'quan-chung';
  if (/\/(hop|tu-phe-binh)$/.test(pathname)) return 'cap-uy';
  if (/^\/(tai-khoan|nhat-ky|cai-dat)/.test(pathname)) return 'quan-tri';
  return chapterForRoles(roles);
}
