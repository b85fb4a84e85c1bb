/**
 * The records of Thành phố Ninh Bình for 2021–2024 as an office keeps them in its book: one line per
 * model, with its dates and its numbers written the Vietnamese way ("150.000.000", "85,5"). `unit`
 * is the organization (by kind) or the commune (by official code) that registered it, or the
 * district itself. Several are registered in the third quarter of 2023.
 */

/** Who registered a line: the district, one of its organizations (by kind), or one of its communes (by official code). */
export type HistoryUnit = { district: true } | { org: string } | { commune: string };

export type HistoryLine = {
  unit: HistoryUnit;
  level: 'Cấp huyện' | 'Cấp xã';
  kind: 'Mô hình' | 'Điển hình';
  form: 'Tập thể' | 'Cá nhân';
  field: string;
  year: number;
  title: string;
  description: string;
  participantsCount?: string;
  moneyVnd?: string;
  workingDays?: string;
  landM2?: string;
  /** dd/mm/yyyy, as typed. */
  registeredOn?: string;
  acceptedOn?: string;
  evaluation?: { result: 'Hiệu quả' | 'Không hiệu quả'; score: string; on: string };
  recognisedOn?: string;
  replicatedFrom?: string;
};

/** The district's organizations, added for its years (its interval: until 1 January 2025). */
export const DISTRICT_ORGANIZATIONS: { kind: string; name: string }[] = [
  { kind: 'party_committee', name: 'Thành ủy Ninh Bình' },
  { kind: 'mass_mobilization_commission', name: 'Ban Dân vận Thành ủy Ninh Bình' },
  { kind: 'government_agency', name: 'Ủy ban nhân dân thành phố Ninh Bình' },
  { kind: 'fatherland_front', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Ninh Bình' },
  { kind: 'womens_union', name: 'Hội Liên hiệp Phụ nữ thành phố Ninh Bình' },
  { kind: 'youth_union', name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh thành phố Ninh Bình' },
  { kind: 'farmers_association', name: 'Hội Nông dân thành phố Ninh Bình' },
  { kind: 'veterans_association', name: 'Hội Cựu chiến binh thành phố Ninh Bình' },
];

export const HISTORY_LINES: HistoryLine[] = [
  {
    unit: { org: 'mass_mobilization_commission' }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Xây dựng Đảng và hệ thống chính trị', year: 2021,
    title: 'Đảng viên gương mẫu, nhân dân đồng thuận ở tổ dân phố',
    description: 'Mỗi đảng viên nhận phụ trách 5 hộ, nắm tình hình và vận động nhân dân thực hiện chủ trương của thành phố.',
    participantsCount: '1.240', registeredOn: '15/03/2021', acceptedOn: '09/04/2021', evaluation: { result: 'Hiệu quả', score: '92', on: '10/12/2021' }, recognisedOn: '18/01/2022',
  },
  {
    unit: { commune: '14320' }, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Văn hóa – xã hội', year: 2021,
    title: 'Tuyến phố văn minh, sạch đẹp',
    description: 'Các hộ hai bên phố góp công, góp tiền lát vỉa hè, trồng cây xanh và tự quản vệ sinh.',
    moneyVnd: '465.000.000', workingDays: '1.800', registeredOn: '22/04/2021', acceptedOn: '14/05/2021', evaluation: { result: 'Hiệu quả', score: '86,5', on: '15/12/2021' }, recognisedOn: '20/01/2022',
  },
  {
    unit: { org: 'womens_union' }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2022,
    title: 'Phụ nữ khởi nghiệp, giúp nhau phát triển kinh tế gia đình',
    description: 'Tổ vay vốn xoay vòng, hướng dẫn hội viên làm kinh tế; 37 hộ có thu nhập ổn định.',
    moneyVnd: '1.250.000.000 đ', participantsCount: '214', registeredOn: '10/03/2022', acceptedOn: '28/03/2022', evaluation: { result: 'Hiệu quả', score: '84', on: '12/12/2022' },
  },
  {
    unit: { commune: '14344' }, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Quốc phòng – an ninh', year: 2022,
    title: 'Camera an ninh gắn với tổ dân phố tự quản',
    description: 'Nhân dân góp kinh phí lắp 48 camera, phối hợp công an phường giữ gìn trật tự.',
    moneyVnd: '312.000.000', registeredOn: '05/05/2022', acceptedOn: '25/05/2022',
  },
  {
    unit: { org: 'fatherland_front' }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Văn hóa – xã hội', year: 2023,
    title: 'Mặt trận chung tay xóa nhà tạm cho hộ khó khăn',
    description: 'Vận động các doanh nghiệp, nhà hảo tâm xây mới 12 căn nhà đại đoàn kết.',
    moneyVnd: '720.000.000', workingDays: '960', registeredOn: '14/04/2023', acceptedOn: '05/05/2023', evaluation: { result: 'Hiệu quả', score: '88', on: '15/12/2023' }, recognisedOn: '12/01/2024',
  },
  // The third quarter of 2023.
  {
    unit: { commune: '14320' }, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Quốc phòng – an ninh', year: 2023,
    title: 'Tổ dân phố tự quản về an ninh trật tự',
    description: 'Tổ tự quản tuần tra đêm, hòa giải mâu thuẫn ở cơ sở; không có vụ việc phức tạp kéo dài.',
    participantsCount: '86', registeredOn: '12/07/2023', acceptedOn: '02/08/2023',
  },
  {
    unit: { org: 'youth_union' }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Văn hóa – xã hội', year: 2023,
    title: 'Thắp sáng đường quê, tuyến phố thanh niên',
    description: 'Đoàn viên lắp 320 bóng đèn chiếu sáng và trồng 4 km hoa trên các tuyến phố.',
    moneyVnd: '185.500.000', workingDays: '1.150', registeredOn: '25/07/2023', acceptedOn: '15/08/2023', evaluation: { result: 'Hiệu quả', score: '90,5', on: '20/12/2023' }, recognisedOn: '10/01/2024',
  },
  {
    unit: { org: 'farmers_association' }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2023,
    title: 'Nông dân hiến đất mở rộng đường nội đồng',
    description: 'Hội viên hiến đất, góp công mở rộng 3,5 km đường nội đồng phục vụ cơ giới hóa.',
    landM2: '2.350,5', workingDays: '640', registeredOn: '21/08/2023', acceptedOn: '30/08/2023', evaluation: { result: 'Không hiệu quả', score: '62', on: '18/12/2023' },
  },
  {
    unit: { commune: '14347' }, level: 'Cấp xã', kind: 'Điển hình', form: 'Cá nhân', field: 'Kinh tế', year: 2023,
    title: 'Ông Phạm Văn Hùng, nông dân sản xuất giỏi giúp hộ nghèo',
    description: 'Hướng dẫn kỹ thuật và cho 15 hộ nghèo mượn vốn, giống để phát triển sản xuất.',
    registeredOn: '05/09/2023',
  },
  {
    unit: { org: 'veterans_association' }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Quốc phòng – an ninh', year: 2023,
    title: 'Cựu chiến binh tham gia giữ gìn trật tự an toàn giao thông',
    description: 'Tổ cựu chiến binh tự quản hướng dẫn học sinh qua đường giờ tan trường.',
    participantsCount: '64', registeredOn: '28/09/2023',
  },
  // 2024.
  {
    unit: { district: true }, level: 'Cấp huyện', kind: 'Mô hình', form: 'Tập thể', field: 'Xây dựng Đảng và hệ thống chính trị', year: 2024,
    title: 'Chính quyền thân thiện, tiếp dân bằng tình cảm và trách nhiệm',
    description: 'Bộ phận một cửa giải quyết thủ tục đúng hẹn, lấy sự hài lòng của nhân dân làm thước đo.',
    registeredOn: '11/03/2024', acceptedOn: '02/04/2024', evaluation: { result: 'Hiệu quả', score: '87', on: '10/12/2024' },
  },
  {
    unit: { commune: '14356' }, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Văn hóa – xã hội', year: 2024,
    title: 'Thắp sáng đường quê ở phường Ninh Sơn',
    description: 'Nhân rộng mô hình của Đoàn Thanh niên thành phố: 120 bóng đèn trên 2 km đường.',
    moneyVnd: '96.000.000', registeredOn: '16/05/2024', acceptedOn: '03/06/2024',
    replicatedFrom: 'Thắp sáng đường quê, tuyến phố thanh niên',
  },
  {
    unit: { commune: '14353' }, level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2024,
    title: 'Cánh đồng mẫu lớn gắn với tiêu thụ sản phẩm',
    description: 'Dự thảo: hợp tác xã liên kết với doanh nghiệp bao tiêu lúa chất lượng cao.',
  },
];
