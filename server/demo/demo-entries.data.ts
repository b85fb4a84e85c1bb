/**
 * Demo content of the "Dân vận khéo" movement: models and typical examples as units report them,
 * across five provinces and four years, in every field and stage of the lifecycle.
 * `unit`: the province's code, optionally a commune index (its n-th commune by code) and an
 * organization kind under it; `path`: the lifecycle actions to take after registration.
 */
import type { EntryForm, EntryKind, EntryLevel } from '../../common/entries.js';

export type DemoEntry = {
  province: string;
  commune?: number;
  org?: string;
  /** A district (abolished 1 July 2025) by its name, for district-level entries of earlier years. */
  district?: string;
  level: EntryLevel;
  kind: EntryKind;
  form: EntryForm;
  field: string;
  year: number;
  title: string;
  description: string;
  moneyVnd?: number;
  workingDays?: number;
  landM2?: number;
  participantsCount?: number;
  path: ('submit' | 'accept' | 'return' | 'start' | 'evaluate' | 'recognise' | 'withdraw')[];
  score?: number;
  /** Title of a recognised entry this one copies. */
  replicates?: string;
};

export const DEMO_ENTRIES: DemoEntry[] = [
  { province: '01', commune: 0, level: 'commune', kind: 'model', form: 'collective', field: 'economic', year: 2023, title: 'Vận động nhân dân hiến đất mở rộng đường liên thôn', description: 'Ban Dân vận phối hợp Mặt trận và các đoàn thể vận động 126 hộ hiến 8.400 m² đất, góp 3.150 ngày công làm 4,2 km đường bê tông.', moneyVnd: 2_450_000_000, workingDays: 3150, landM2: 8400, participantsCount: 126, path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 92 },
  { province: '01', commune: 1, org: 'womens_union', level: 'commune', kind: 'model', form: 'collective', field: 'economic', year: 2024, title: 'Phụ nữ tiết kiệm tạo vốn giúp nhau phát triển kinh tế', description: '58 hội viên góp vốn xoay vòng, giúp 21 hộ thoát nghèo bền vững.', moneyVnd: 640_000_000, participantsCount: 58, path: ['submit', 'accept', 'start', 'evaluate'], score: 81 },
  { province: '01', level: 'province', kind: 'model', form: 'collective', field: 'party_building', year: 2025, title: 'Dân vận khéo trong chuyển đổi số: hướng dẫn người dân dùng dịch vụ công trực tuyến', description: 'Tổ công nghệ số cộng đồng hướng dẫn hơn 12.000 lượt người dân nộp hồ sơ trực tuyến.', participantsCount: 340, path: ['submit', 'accept', 'start'] },
  { province: '01', commune: 0, level: 'commune', kind: 'typical_example', form: 'individual', field: 'cultural_social', year: 2026, title: 'Ông Nguyễn Văn Bình, trưởng thôn, tiên phong vận động xây dựng khu dân cư văn hóa', description: 'Gương điển hình trong vận động 100% hộ ký cam kết xây dựng gia đình văn hóa.', path: ['submit'] },
  { province: '37', commune: 0, level: 'commune', kind: 'model', form: 'collective', field: 'cultural_social', year: 2023, title: 'Tuyến đường nở hoa, thắp sáng đường quê', description: 'Đoàn viên, hội viên trồng 6 km hoa và lắp 240 bóng đèn chiếu sáng bằng nguồn xã hội hóa.', moneyVnd: 380_000_000, workingDays: 900, path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 88 },
  { province: '37', commune: 1, level: 'commune', kind: 'model', form: 'collective', field: 'defense_security', year: 2024, title: 'Camera an ninh — “Mắt thần” khu phố', description: 'Nhân dân góp kinh phí lắp 64 camera giám sát, phối hợp công an phường giữ gìn an ninh trật tự.', moneyVnd: 512_000_000, path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 90 },
  { province: '37', level: 'province', kind: 'model', form: 'collective', field: 'party_building', year: 2024, title: 'Chi bộ bốn tốt gắn với dân vận khéo', description: 'Nâng chất lượng sinh hoạt chi bộ, mỗi đảng viên nhận giúp đỡ một hộ khó khăn.', path: ['submit', 'accept', 'start', 'evaluate'], score: 64 },
  { province: '37', commune: 0, org: 'youth_union', level: 'commune', kind: 'model', form: 'collective', field: 'cultural_social', year: 2025, title: 'Ngày Chủ nhật xanh', replicates: 'Tuyến đường nở hoa, thắp sáng đường quê', description: 'Đoàn viên thanh niên ra quân vệ sinh môi trường, thu gom rác thải nhựa mỗi tháng một lần.', participantsCount: 210, path: ['submit', 'return', 'submit', 'accept'] },
  { province: '37', district: 'Thành phố Hoa Lư', level: 'district', kind: 'model', form: 'collective', field: 'economic', year: 2024, title: 'Liên kết sản xuất lúa hữu cơ theo chuỗi giá trị', description: 'Vận động 300 hộ dồn điền đổi thửa, sản xuất theo chuỗi với doanh nghiệp bao tiêu.', landM2: 1_200_000, path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 86 },
  { province: '46', commune: 0, level: 'commune', kind: 'model', form: 'collective', field: 'cultural_social', year: 2023, title: 'Thanh niên tình nguyện giữ gìn cảnh quan di sản Cố đô', description: 'Đội thanh niên tình nguyện hướng dẫn du khách, giữ vệ sinh khu di tích.', participantsCount: 85, path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 85 },
  { province: '46', level: 'province', kind: 'model', form: 'collective', field: 'cultural_social', year: 2024, title: 'Xóa nhà tạm, nhà dột nát cho hộ nghèo', description: 'Huy động các nguồn lực xây mới và sửa chữa 312 căn nhà cho hộ nghèo, hộ cận nghèo.', moneyVnd: 18_700_000_000, workingDays: 6400, path: ['submit', 'accept', 'start'] },
  { province: '46', commune: 1, org: 'veterans_association', level: 'commune', kind: 'model', form: 'collective', field: 'economic', year: 2025, title: 'Cựu chiến binh giúp nhau làm kinh tế', description: 'Tổ hợp tác cựu chiến binh chăn nuôi, trồng rừng, giúp 14 hội viên có việc làm ổn định.', path: ['submit', 'accept'] },
  { province: '46', commune: 0, level: 'commune', kind: 'typical_example', form: 'individual', field: 'defense_security', year: 2025, title: 'Bà Trần Thị Mến, tổ trưởng tổ tự quản, hòa giải thành 27 vụ việc ở cơ sở', description: 'Gương điển hình trong công tác hòa giải, giữ gìn đoàn kết khu dân cư.', path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 95 },
  { province: '68', commune: 0, level: 'commune', kind: 'model', form: 'collective', field: 'defense_security', year: 2023, title: 'Đồng bào có đạo chung tay bảo vệ rừng', description: 'Các giáo họ nhận khoán bảo vệ 1.800 ha rừng, không để xảy ra cháy rừng.', path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 91 },
  { province: '68', commune: 1, level: 'commune', kind: 'model', form: 'collective', field: 'cultural_social', year: 2024, title: 'Bếp ăn bán trú cho học sinh dân tộc thiểu số', replicates: 'Đồng bào có đạo chung tay bảo vệ rừng', description: 'Phụ huynh và các đoàn thể góp gạo, rau, công nấu cho 160 học sinh bán trú.', participantsCount: 160, path: ['submit', 'accept', 'start', 'evaluate'], score: 79 },
  { province: '68', commune: 0, level: 'commune', kind: 'typical_example', form: 'individual', field: 'cultural_social', year: 2025, title: 'Bà K’Thị Hoa, người có uy tín, vận động đồng bào xóa bỏ hủ tục', description: 'Vận động 40 hộ bỏ tục thách cưới, tổ chức cưới theo nếp sống mới.', path: ['submit', 'accept', 'start'] },
  { province: '68', level: 'province', kind: 'model', form: 'collective', field: 'economic', year: 2026, title: 'Hợp tác xã cà phê bền vững gắn với dân vận khéo', description: 'Vận động nông dân tham gia hợp tác xã, sản xuất cà phê đạt chứng nhận bền vững.', path: [] },
  { province: '96', commune: 0, level: 'commune', kind: 'model', form: 'collective', field: 'economic', year: 2023, title: 'Nuôi tôm – rừng sinh thái', description: 'Vận động 95 hộ nuôi tôm dưới tán rừng ngập mặn, vừa giữ rừng vừa tăng thu nhập.', landM2: 2_300_000, participantsCount: 95, path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 89 },
  { province: '96', commune: 1, org: 'farmers_association', level: 'commune', kind: 'model', form: 'collective', field: 'economic', year: 2024, title: 'Tổ hợp tác trồng rau an toàn', description: 'Nông dân liên kết trồng rau theo tiêu chuẩn an toàn, tiêu thụ qua bếp ăn tập thể.', path: ['submit', 'withdraw'] },
  { province: '96', level: 'province', kind: 'model', form: 'collective', field: 'defense_security', year: 2025, title: 'Tàu thuyền an toàn, ngư dân bám biển', description: 'Tổ đoàn kết trên biển hỗ trợ nhau khi gặp nạn, phối hợp bộ đội biên phòng.', path: ['submit', 'accept', 'start', 'evaluate', 'recognise'], score: 93 },
  { province: '96', commune: 0, level: 'commune', kind: 'model', form: 'collective', field: 'party_building', year: 2026, title: 'Tổ dân vận ấp gắn với sinh hoạt chi bộ', description: 'Mỗi ấp có tổ dân vận nắm tình hình nhân dân, báo cáo chi bộ hằng tháng.', path: ['submit'] },
];
