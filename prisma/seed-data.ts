// The demo university: its settings and 协议条款, 学院 and 专业, staff accounts, units and
// graduates. seedDemo is idempotent: every insert is `createMany({ skipDuplicates })` keyed
// by a natural key (username, studentNo, orgCode, code, version, id 1), so a second run
// inserts nothing and never overwrites what people changed in the running app.
//
// No agreements are seeded: every agreement status change belongs to the workflow
// services, so demo agreements (a future `seedDemoAgreements`) must be made through them.
import { createHash } from "node:crypto";
import { hash } from "bcryptjs";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { demoSealPng, type DemoSealStyle } from "../lib/seals/demo-seal";
import { makeCreditCode } from "../lib/validation/credit-code";
import { makeIdNumber } from "../lib/validation/id-card";

export const DEMO_PASSWORD = "Demo@2026";
export const DEMO_GRADUATION_YEAR = 2027;
export const DEMO_GRADUATION_MONTH = "202706";

type Db = Pick<PrismaClient, "$transaction">;
type Tx = Prisma.TransactionClient;
type GenderValue = "MALE" | "FEMALE";
type SourceStatusValue = "PENDING_COLLEGE" | "PENDING_OFFICE" | "APPROVED";
type EmployerStatusValue = "PENDING" | "APPROVED" | "REJECTED";

/** The accounts the demo, the manual walkthrough and the browser tests sign in with. */
export const DEMO_ACCOUNTS = {
  studentApproved: "2022010101",
  studentApproved2: "2022010102",
  studentPendingCollege: "2022010199",
  employerSoft: "hr@demo-soft.example",
  employerBank: "hr@demo-bank.example",
  counselor01: "fdy01",
  counselor02: "fdy02",
  counselor03: "fdy03",
  office: "jyc01",
} as const;

export const DEMO_COLLEGES = [
  { code: "01", name: "计算机科学与技术学院" },
  { code: "02", name: "电气工程及自动化学院" },
  { code: "03", name: "经济与管理学院" },
] as const;

type CollegeCode = (typeof DEMO_COLLEGES)[number]["code"];

// National 本科专业目录 codes; graduate students are attached to the same 专业 rows.
export const DEMO_MAJORS = [
  { code: "080901", name: "计算机科学与技术", college: "01" },
  { code: "080902", name: "软件工程", college: "01" },
  { code: "080910T", name: "数据科学与大数据技术", college: "01" },
  { code: "080801", name: "自动化", college: "02" },
  { code: "080601", name: "电气工程及其自动化", college: "02" },
  { code: "080701", name: "电子信息工程", college: "02" },
  { code: "120203K", name: "会计学", college: "03" },
  { code: "120201K", name: "工商管理", college: "03" },
  { code: "020101", name: "经济学", college: "03" },
] as const satisfies readonly { code: string; name: string; college: CollegeCode }[];

type MajorCode = (typeof DEMO_MAJORS)[number]["code"];

const SCHOOL_STAFF = [
  { username: "jyc01", role: "OFFICE", name: "陈建国", college: null, email: "jyc01@neut.example", phone: "0451-86412001" },
  { username: "fdy01", role: "COUNSELOR", name: "王丽华", college: "01", email: "fdy01@neut.example", phone: "0451-86412101" },
  { username: "fdy02", role: "COUNSELOR", name: "张志强", college: "02", email: "fdy02@neut.example", phone: "0451-86412201" },
  { username: "fdy03", role: "COUNSELOR", name: "刘晓燕", college: "03", email: "fdy03@neut.example", phone: "0451-86412301" },
] as const satisfies readonly {
  username: string;
  role: "OFFICE" | "COUNSELOR";
  name: string;
  college: CollegeCode | null;
  email: string;
  phone: string;
}[];

type DemoEmployer = {
  key: string; // seed of its 统一社会信用代码
  region: string; // 6-digit 行政区划代码 inside the credit code
  name: string;
  department: string;
  contactName: string;
  contactPhone: string;
  email: string;
  address: string;
  postalCode: string;
  natureCode: string;
  provinceCode: string;
  reportTitle: string;
  partyOrgReceiver: string;
  archiveAddress: string;
  settleCity: string;
  status: EmployerStatusValue;
  rejectReason?: string;
  staff: { username: string; name: string; phone: string };
};

export const DEMO_EMPLOYERS: readonly DemoEmployer[] = [
  {
    key: "demo-soft",
    region: "230109",
    name: "哈尔滨数智软件股份有限公司",
    department: "哈尔滨新区管理委员会",
    contactName: "赵敏",
    contactPhone: "0451-58963210",
    email: "hr@demo-soft.example",
    address: "黑龙江省哈尔滨市松北区创新二路1688号数智大厦",
    postalCode: "150028",
    natureCode: "39",
    provinceCode: "23",
    reportTitle: "哈尔滨市人才服务中心",
    partyOrgReceiver: "哈尔滨数智软件股份有限公司党委",
    archiveAddress: "黑龙江省哈尔滨市南岗区长江路97号 哈尔滨市人才服务中心档案部",
    settleCity: "黑龙江省哈尔滨市松北区",
    status: "APPROVED",
    staff: { username: "hr@demo-soft.example", name: "赵敏", phone: "13945012368" },
  },
  {
    key: "demo-bank",
    region: "230102",
    name: "龙江商业银行股份有限公司",
    department: "黑龙江省人民政府国有资产监督管理委员会",
    contactName: "孟庆海",
    contactPhone: "0451-84657721",
    email: "hr@demo-bank.example",
    address: "黑龙江省哈尔滨市道里区友谊路436号",
    postalCode: "150010",
    natureCode: "31",
    provinceCode: "23",
    reportTitle: "龙江商业银行股份有限公司",
    partyOrgReceiver: "中共龙江商业银行股份有限公司委员会",
    archiveAddress: "黑龙江省哈尔滨市道里区友谊路436号 龙江商业银行人力资源部",
    settleCity: "黑龙江省哈尔滨市道里区",
    status: "APPROVED",
    staff: { username: "hr@demo-bank.example", name: "孟庆海", phone: "13804519927" },
  },
  {
    key: "demo-research",
    region: "230103",
    name: "黑龙江省智慧农业技术研究院",
    department: "黑龙江省农业农村厅",
    contactName: "白雪松",
    contactPhone: "0451-86674512",
    email: "hr@demo-research.example",
    address: "黑龙江省哈尔滨市南岗区学府路368号",
    postalCode: "150086",
    natureCode: "20",
    provinceCode: "23",
    reportTitle: "黑龙江省智慧农业技术研究院",
    partyOrgReceiver: "黑龙江省智慧农业技术研究院机关党委",
    archiveAddress: "黑龙江省哈尔滨市南岗区学府路368号 研究院人事处",
    settleCity: "黑龙江省哈尔滨市南岗区",
    status: "APPROVED",
    staff: { username: "hr@demo-research.example", name: "白雪松", phone: "15846031175" },
  },
  {
    key: "demo-school",
    region: "230109",
    name: "哈尔滨市松北区实验学校",
    department: "哈尔滨市松北区教育局",
    contactName: "邱文静",
    contactPhone: "0451-88106623",
    email: "hr@demo-school.example",
    address: "黑龙江省哈尔滨市松北区世茂大道99号",
    postalCode: "150028",
    natureCode: "22",
    provinceCode: "23",
    reportTitle: "哈尔滨市松北区教育局",
    partyOrgReceiver: "中共哈尔滨市松北区教育局委员会",
    archiveAddress: "黑龙江省哈尔滨市松北区世纪大道1号 松北区教育局人事科",
    settleCity: "黑龙江省哈尔滨市松北区",
    status: "APPROVED",
    staff: { username: "hr@demo-school.example", name: "邱文静", phone: "18645107832" },
  },
  {
    key: "demo-gov",
    region: "230103",
    name: "哈尔滨市南岗区人民政府办公室",
    department: "哈尔滨市南岗区人民政府",
    contactName: "钱国栋",
    contactPhone: "0451-82345608",
    email: "hr@demo-gov.example",
    address: "黑龙江省哈尔滨市南岗区中山路178号",
    postalCode: "150001",
    natureCode: "10",
    provinceCode: "23",
    reportTitle: "中共哈尔滨市南岗区委组织部",
    partyOrgReceiver: "中共哈尔滨市南岗区直属机关工作委员会",
    archiveAddress: "黑龙江省哈尔滨市南岗区中山路178号 南岗区委组织部干部档案室",
    settleCity: "黑龙江省哈尔滨市南岗区",
    status: "APPROVED",
    staff: { username: "hr@demo-gov.example", name: "钱国栋", phone: "13904603316" },
  },
  {
    key: "demo-cloud",
    region: "110108",
    name: "北京华信云数据科技有限公司",
    department: "北京市海淀区科学技术和信息化局",
    contactName: "沈思远",
    contactPhone: "010-62758810-206",
    email: "hr@demo-cloud.example",
    address: "北京市海淀区中关村大街27号中关村大厦12层",
    postalCode: "100080",
    natureCode: "39",
    provinceCode: "11",
    reportTitle: "北京市海淀区人才服务中心",
    partyOrgReceiver: "北京市海淀区非公有制经济组织党委",
    archiveAddress: "北京市海淀区苏州街36号 北京市海淀区人才服务中心档案室",
    settleCity: "北京市海淀区",
    status: "APPROVED",
    staff: { username: "hr@demo-cloud.example", name: "沈思远", phone: "13911086524" },
  },
  {
    key: "demo-hospital",
    region: "210202",
    name: "大连港湾医疗集团第二医院",
    department: "大连市卫生健康委员会",
    contactName: "冷雪梅",
    contactPhone: "0411-82716650",
    email: "hr@demo-hospital.example",
    address: "辽宁省大连市中山区港湾街26号",
    postalCode: "116001",
    natureCode: "23",
    provinceCode: "21",
    reportTitle: "大连市卫生健康委员会",
    partyOrgReceiver: "大连港湾医疗集团第二医院党委",
    archiveAddress: "辽宁省大连市中山区港湾街26号 医院人力资源处",
    settleCity: "辽宁省大连市中山区",
    status: "PENDING",
    staff: { username: "hr@demo-hospital.example", name: "冷雪梅", phone: "15940956618" },
  },
  {
    key: "demo-auto",
    region: "320505",
    name: "博越汽车电子（中国）有限公司",
    department: "苏州高新区管理委员会",
    contactName: "顾海峰",
    contactPhone: "0512-66557180",
    email: "hr@demo-auto.example",
    address: "江苏省苏州市虎丘区科灵路78号",
    postalCode: "215163",
    natureCode: "32",
    provinceCode: "32",
    reportTitle: "苏州高新区人才服务中心",
    partyOrgReceiver: "苏州高新区非公有制企业党委",
    archiveAddress: "江苏省苏州市虎丘区狮山路35号 苏州高新区人才服务中心",
    settleCity: "江苏省苏州市虎丘区",
    status: "REJECTED",
    rejectReason: "营业执照扫描件模糊且与填写的统一社会信用代码不一致，请核对后重新提交。",
    staff: { username: "hr@demo-auto.example", name: "顾海峰", phone: "13962158047" },
  },
];

// [学号, 姓名, 性别, 专业, 学历, 民族, 政治面貌, 生源地县区码, 生源状态, 家庭地址]
// 学历 31 本科 (学制 4) / 11 硕士 (学制 3); 生源状态 A 审核完成, O 待就业处审核, C 待学院审核.
type StudentRow = readonly [string, string, "M" | "F", MajorCode, "31" | "11", string, string, string, "A" | "O" | "C", string];

const STUDENT_ROWS: readonly StudentRow[] = [
  ["2022010101", "李明轩", "M", "080901", "31", "01", "03", "230103", "A", "黑龙江省哈尔滨市南岗区学府路52号"],
  ["2022010102", "王雨桐", "F", "080901", "31", "01", "01", "230602", "A", "黑龙江省大庆市萨尔图区东风路18号"],
  ["2022010199", "张浩然", "M", "080901", "31", "01", "03", "230202", "C", "黑龙江省齐齐哈尔市龙沙区中华路27号"],
  ["2022010103", "刘思琪", "F", "080901", "31", "11", "03", "230104", "A", "黑龙江省哈尔滨市道外区南十四道街6号"],
  ["2022010104", "陈子豪", "M", "080901", "31", "01", "13", "220102", "O", "吉林省长春市南关区人民大街3366号"],
  ["2022010201", "赵欣怡", "F", "080902", "31", "01", "03", "230302", "A", "黑龙江省鸡西市鸡冠区兴国中路101号"],
  ["2022010202", "孙嘉诚", "M", "080902", "31", "01", "02", "370102", "A", "山东省济南市历下区泉城路180号"],
  ["2022010203", "周婧雯", "F", "080902", "31", "10", "03", "222401", "O", "吉林省延边朝鲜族自治州延吉市光明街211号"],
  ["2022010204", "吴俊杰", "M", "080902", "31", "01", "03", "231002", "C", "黑龙江省牡丹江市东安区太平路58号"],
  ["2022010301", "郑雅琳", "F", "080910T", "31", "01", "03", "210102", "A", "辽宁省沈阳市和平区南京南街9号"],
  ["2022010302", "冯宇航", "M", "080910T", "31", "01", "01", "230803", "A", "黑龙江省佳木斯市向阳区长安路122号"],
  ["2022010303", "何诗涵", "F", "080910T", "31", "01", "03", "130102", "C", "河北省石家庄市长安区中山东路39号"],
  ["2024018001", "高远", "M", "080901", "11", "01", "01", "230183", "A", "黑龙江省哈尔滨市尚志市尚志大街66号"],
  ["2024018002", "林晓婉", "F", "080902", "11", "01", "02", "320102", "O", "江苏省南京市玄武区北京东路71号"],
  ["2024018003", "马骏", "M", "080910T", "11", "03", "01", "650102", "A", "新疆维吾尔自治区乌鲁木齐市天山区解放南路88号"],

  ["2022020101", "杨博文", "M", "080801", "31", "01", "03", "230108", "A", "黑龙江省哈尔滨市平房区友协大街45号"],
  ["2022020102", "黄梓萱", "F", "080801", "31", "01", "03", "230203", "A", "黑龙江省齐齐哈尔市建华区新华路12号"],
  ["2022020103", "朱泽宇", "M", "080801", "31", "11", "13", "230402", "O", "黑龙江省鹤岗市向阳区红军路77号"],
  ["2022020104", "徐梦瑶", "F", "080801", "31", "01", "03", "410102", "C", "河南省郑州市中原区建设西路156号"],
  ["2022020201", "胡天宇", "M", "080601", "31", "01", "01", "230502", "A", "黑龙江省双鸭山市尖山区新兴大街20号"],
  ["2022020202", "郭佳怡", "F", "080601", "31", "02", "03", "150102", "A", "内蒙古自治区呼和浩特市新城区新华大街63号"],
  ["2022020203", "罗一鸣", "M", "080601", "31", "01", "03", "231102", "O", "黑龙江省黑河市爱辉区海兰街31号"],
  ["2022020204", "梁静怡", "F", "080601", "31", "01", "02", "230603", "C", "黑龙江省大庆市龙凤区卧里屯大街15号"],
  ["2022020301", "宋承泽", "M", "080701", "31", "01", "03", "120103", "A", "天津市河西区友谊路32号"],
  ["2022020302", "唐若曦", "F", "080701", "31", "08", "03", "450102", "A", "广西壮族自治区南宁市兴宁区民族大道19号"],
  ["2022020303", "韩明哲", "M", "080701", "31", "01", "13", "232721", "O", "黑龙江省大兴安岭地区呼玛县呼玛镇中央街8号"],
  ["2022020304", "曹雨欣", "F", "080701", "31", "11", "03", "230184", "C", "黑龙江省哈尔滨市五常市胜利街41号"],
  ["2024028001", "邓凯文", "M", "080801", "11", "01", "01", "210202", "A", "辽宁省大连市中山区人民路56号"],
  ["2024028002", "许晴", "F", "080601", "11", "01", "01", "420106", "O", "湖北省武汉市武昌区中南路99号"],
  ["2024028003", "彭志远", "M", "080701", "11", "31", "02", "230207", "A", "黑龙江省齐齐哈尔市碾子山区富强街5号"],

  ["2022030101", "曾可欣", "F", "120203K", "31", "01", "03", "230102", "A", "黑龙江省哈尔滨市道里区中央大街120号"],
  ["2022030102", "蒋文博", "M", "120203K", "31", "01", "03", "370202", "A", "山东省青岛市市南区香港中路76号"],
  ["2022030103", "蔡雨萱", "F", "120203K", "31", "01", "01", "230103", "O", "黑龙江省哈尔滨市南岗区西大直街92号"],
  ["2022030104", "贾思远", "M", "120203K", "31", "01", "13", "140105", "C", "山西省太原市小店区长风街24号"],
  ["2022030201", "薛佳琪", "F", "120201K", "31", "11", "03", "231181", "A", "黑龙江省黑河市北安市北岗大街17号"],
  ["2022030202", "魏家豪", "M", "120201K", "31", "01", "03", "330106", "A", "浙江省杭州市西湖区文三路259号"],
  ["2022030203", "潘诗雨", "F", "120201K", "31", "01", "02", "230602", "O", "黑龙江省大庆市萨尔图区中央大街33号"],
  ["2022030204", "杜俊熙", "M", "120201K", "31", "01", "03", "110105", "C", "北京市朝阳区朝阳路67号"],
  ["2022030301", "叶欣然", "F", "020101", "31", "01", "03", "440106", "A", "广东省广州市天河区天河北路233号"],
  ["2022030302", "范晨阳", "M", "020101", "31", "02", "03", "150202", "A", "内蒙古自治区包头市东河区巴彦塔拉大街48号"],
  ["2022030303", "石雅婷", "F", "020101", "31", "01", "03", "510104", "O", "四川省成都市锦江区红星路三段1号"],
  ["2022030304", "袁子墨", "M", "020101", "31", "01", "03", "230104", "C", "黑龙江省哈尔滨市道外区景阳街150号"],
  ["2024038001", "方婉清", "F", "120203K", "11", "01", "01", "110108", "A", "北京市海淀区中关村南大街5号"],
  ["2024038002", "谢博涛", "M", "120201K", "11", "01", "02", "120101", "O", "天津市和平区南京路219号"],
  ["2024038003", "董佳慧", "F", "020101", "11", "11", "01", "230103", "A", "黑龙江省哈尔滨市南岗区红军街38号"],
];

const SOURCE_STATUS: Record<StudentRow[8], SourceStatusValue> = { A: "APPROVED", O: "PENDING_OFFICE", C: "PENDING_COLLEGE" };

export type DemoStudent = {
  studentNo: string;
  name: string;
  gender: GenderValue;
  ethnicityCode: string;
  politicalCode: string;
  trainingMode: string;
  educationCode: string;
  schoolingYears: number;
  graduationMonth: string;
  graduationYear: number;
  collegeCode: CollegeCode;
  majorCode: MajorCode;
  idNumber: string;
  originProvince: string;
  originCity: string;
  homeAddress: string;
  sourceStatus: SourceStatusValue;
  email: string;
  phone: string;
};

const MOBILE_PREFIXES = ["138", "139", "158", "186", "157", "136", "188", "199"] as const;

/** The demo graduates with every derived field (ID number, 生源地 codes, contact) computed. */
export const DEMO_STUDENTS: readonly DemoStudent[] = STUDENT_ROWS.map((row, index): DemoStudent => {
  const [studentNo, name, sex, majorCode, educationCode, ethnicityCode, politicalCode, county, status, homeAddress] = row;
  const gender: GenderValue = sex === "M" ? "MALE" : "FEMALE";
  const master = educationCode === "11";
  // 本科 born 2003–2005, 硕士 2000–2002: the age of the 2027 graduating class.
  const birth = new Date(Date.UTC((master ? 2000 : 2003) + (index % 3), (index * 5) % 12, 1 + ((index * 7) % 28)));
  const major = DEMO_MAJORS.find((m) => m.code === majorCode)!;
  return {
    studentNo,
    name,
    gender,
    ethnicityCode,
    politicalCode,
    trainingMode: "1", // 非定向
    educationCode,
    schoolingYears: master ? 3 : 4,
    graduationMonth: DEMO_GRADUATION_MONTH,
    graduationYear: DEMO_GRADUATION_YEAR,
    collegeCode: major.college,
    majorCode,
    // The index as sequence keeps every number distinct even for the same county and birthday.
    idNumber: makeIdNumber(county, birth, index, gender),
    originProvince: county.slice(0, 2),
    originCity: county.slice(0, 4),
    homeAddress,
    sourceStatus: SOURCE_STATUS[status],
    email: `${studentNo}@stu.neut.example`,
    phone: `${MOBILE_PREFIXES[index % MOBILE_PREFIXES.length]}${String(40_000_000 + ((index * 7_654_321) % 59_999_999)).padStart(8, "0")}`,
  };
});

export type SeedSummary = {
  created: {
    agreementTerms: number;
    settings: number;
    colleges: number;
    majors: number;
    employers: number;
    users: number;
    students: number;
    seals: number;
  };
};

function byKey<T, K extends string>(rows: readonly T[], key: (row: T) => K): Map<K, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

// skipDuplicates also skips a row whose *other* unique key is taken (say a 学院 with the
// same name but another code); the lookup then fails loudly instead of seeding half a world.
function need<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (!value) throw new Error(`演示数据冲突：${what} "${key}" 未能写入（可能已有同名或同号的其他记录）`);
  return value;
}

const REVIEWED_AT = new Date("2026-10-12T09:30:00+08:00");

async function seedWithin(tx: Tx, passwordHash: string): Promise<SeedSummary> {
  const created: SeedSummary["created"] = {
    agreementTerms: 0,
    settings: 0,
    colleges: 0,
    majors: 0,
    employers: 0,
    users: 0,
    students: 0,
    seals: 0,
  };

  created.colleges += (await tx.college.createMany({ data: [...DEMO_COLLEGES], skipDuplicates: true })).count;
  const colleges = byKey(
    await tx.college.findMany({ where: { code: { in: DEMO_COLLEGES.map((c) => c.code) } } }),
    (c) => c.code,
  );
  const collegeId = (code: string) => need(colleges, code, "学院").id;

  created.majors += (
    await tx.major.createMany({
      data: DEMO_MAJORS.map((m) => ({ code: m.code, name: m.name, collegeId: collegeId(m.college) })),
      skipDuplicates: true,
    })
  ).count;
  const majors = byKey(await tx.major.findMany({ where: { code: { in: DEMO_MAJORS.map((m) => m.code) } } }), (m) => m.code);

  created.users += (
    await tx.user.createMany({
      data: SCHOOL_STAFF.map((s) => ({
        username: s.username,
        passwordHash,
        role: s.role,
        name: s.name,
        email: s.email,
        phone: s.phone,
        collegeId: s.college ? collegeId(s.college) : null,
      })),
      skipDuplicates: true,
    })
  ).count;
  const office = await tx.user.findUnique({ where: { username: DEMO_ACCOUNTS.office } });
  if (!office) throw new Error("演示数据冲突：就业处账号 jyc01 未能写入");

  created.agreementTerms += (
    await tx.agreementTerms.createMany({
      data: [{ version: 1, content: DEMO_TERMS_V1, createdById: office.id }],
      skipDuplicates: true,
    })
  ).count;
  const terms = await tx.agreementTerms.findUniqueOrThrow({ where: { version: 1 } });

  created.settings += (
    await tx.setting.createMany({
      data: [
        {
          id: 1,
          schoolName: DEMO_SCHOOL_NAME,
          signingNotice: DEMO_SIGNING_NOTICE,
          breachNotice: DEMO_BREACH_NOTICE,
          autoConfirmDays: 7,
          copiesPerPrint: 3,
          currentTermsId: terms.id,
        },
      ],
      skipDuplicates: true,
    })
  ).count;
  // A settings row made elsewhere without terms gets version 1; one that has terms keeps them.
  await tx.setting.updateMany({ where: { id: 1, currentTermsId: null }, data: { currentTermsId: terms.id } });

  created.employers += (
    await tx.employer.createMany({
      data: DEMO_EMPLOYERS.map((e) => ({
        name: e.name,
        orgCode: makeCreditCode(e.key, e.region),
        department: e.department,
        contactName: e.contactName,
        contactPhone: e.contactPhone,
        email: e.email,
        address: e.address,
        postalCode: e.postalCode,
        natureCode: e.natureCode,
        provinceCode: e.provinceCode,
        reportTitle: e.reportTitle,
        partyOrgReceiver: e.partyOrgReceiver,
        archiveAddress: e.archiveAddress,
        settleCity: e.settleCity,
        defaultOpinion: "同意接收",
        status: e.status,
        rejectReason: e.rejectReason ?? null,
        reviewedAt: e.status === "PENDING" ? null : REVIEWED_AT,
        reviewedById: e.status === "PENDING" ? null : office.id,
      })),
      skipDuplicates: true,
    })
  ).count;
  const employers = byKey(
    await tx.employer.findMany({ where: { orgCode: { in: DEMO_EMPLOYERS.map((e) => makeCreditCode(e.key, e.region)) } } }),
    (e) => e.orgCode,
  );

  created.users += (
    await tx.user.createMany({
      data: DEMO_EMPLOYERS.map((e) => ({
        username: e.staff.username,
        passwordHash,
        role: "EMPLOYER" as const,
        name: e.staff.name,
        email: e.email,
        phone: e.staff.phone,
        employerId: need(employers, makeCreditCode(e.key, e.region), "用人单位").id,
      })),
      skipDuplicates: true,
    })
  ).count;

  created.users += (
    await tx.user.createMany({
      data: DEMO_STUDENTS.map((s) => ({
        username: s.studentNo,
        passwordHash,
        role: "STUDENT" as const,
        name: s.name,
        email: s.email,
        phone: s.phone,
        collegeId: collegeId(s.collegeCode),
      })),
      skipDuplicates: true,
    })
  ).count;
  const studentUsers = byKey(
    await tx.user.findMany({ where: { username: { in: DEMO_STUDENTS.map((s) => s.studentNo) }, role: "STUDENT" } }),
    (u) => u.username,
  );

  created.students += (
    await tx.student.createMany({
      data: DEMO_STUDENTS.map((s) => ({
        userId: need(studentUsers, s.studentNo, "学生账号").id,
        studentNo: s.studentNo,
        name: s.name,
        gender: s.gender,
        ethnicityCode: s.ethnicityCode,
        politicalCode: s.politicalCode,
        trainingMode: s.trainingMode,
        educationCode: s.educationCode,
        schoolingYears: s.schoolingYears,
        graduationMonth: s.graduationMonth,
        graduationYear: s.graduationYear,
        collegeId: collegeId(s.collegeCode),
        majorId: need(majors, s.majorCode, "专业").id,
        idNumber: s.idNumber,
        originProvince: s.originProvince,
        originCity: s.originCity,
        homeAddress: s.homeAddress,
        sourceStatus: s.sourceStatus,
      })),
      skipDuplicates: true,
    })
  ).count;

  created.seals += await seedDemoSeals(tx);
  return { created };
}

/** In force since before any demo agreement: the demo's 电子协议 can be tried at once. */
export const DEMO_SEALS_FROM = new Date("2026-09-01T00:00:00Z");

/**
 * Demo electronic seals (drawn, transparent PNGs): the school's 鉴证章, each 学院's seal, each
 * approved unit's seal — only where none exists, so a real upload is never replaced.
 */
async function seedDemoSeals(tx: Tx): Promise<number> {
  const images = new Map<DemoSealStyle, Uint8Array<ArrayBuffer>>();
  const image = (style: DemoSealStyle) => {
    if (!images.has(style)) images.set(style, new Uint8Array(demoSealPng(style, 300)));
    return images.get(style)!;
  };
  const approved = (kind: "UNIT" | "COLLEGE" | "SCHOOL", style: DemoSealStyle, owner: { employerId?: string; collegeId?: string }) => {
    const png = image(style);
    return {
      kind,
      ...owner,
      png,
      sha256: createHash("sha256").update(png).digest("hex"),
      widthPx: 300,
      heightPx: 300,
      status: "APPROVED" as const,
      createdAt: DEMO_SEALS_FROM,
      reviewedAt: DEMO_SEALS_FROM,
    };
  };
  let n = 0;
  if (!(await tx.seal.findFirst({ where: { kind: "SCHOOL" } }))) {
    await tx.seal.create({ data: approved("SCHOOL", "school", {}) });
    n++;
  }
  for (const college of await tx.college.findMany({ where: { seals: { none: {} } }, select: { id: true } })) {
    await tx.seal.create({ data: approved("COLLEGE", "college", { collegeId: college.id }) });
    n++;
  }
  for (const employer of await tx.employer.findMany({ where: { status: "APPROVED", sealId: null, seals: { none: {} } }, select: { id: true } })) {
    const seal = await tx.seal.create({ data: approved("UNIT", "unit", { employerId: employer.id }), select: { id: true } });
    await tx.employer.update({ where: { id: employer.id }, data: { sealId: seal.id } });
    n++;
  }
  return n;
}

/**
 * Seeds the demo university. Safe to run any number of times: existing rows (matched by
 * their natural keys) are left exactly as they are.
 */
export async function seedDemo(prisma: Db): Promise<SeedSummary> {
  // One bcrypt hash shared by every demo account: cost 10 costs ~0.1 s per hash in bcryptjs.
  const passwordHash = await hash(DEMO_PASSWORD, 10);
  return prisma.$transaction((tx) => seedWithin(tx, passwordHash), { maxWait: 30_000, timeout: 60_000 });
}

// ---- Texts of the Setting row and of 协议条款 version 1, written from the manual's 注意事项 ----

export const DEMO_SCHOOL_NAME = "东北理工大学";

export const DEMO_SIGNING_NOTICE = `一、网上签约是毕业生与用人单位达成就业意向后，由毕业生在就业网“我的签约”中主动发起、用人单位网上确定签约、毕业生复核确认、学院审核的就业协议书办理方式。发起前，请毕业生与用人单位就工作岗位、薪酬待遇、工作地点、服务期及违约责任等事项充分沟通并达成一致。

二、毕业生生源信息审核状态为“审核完成”或“待就业处审核”时方可发起网上签约。协议书中的姓名、性别、民族、身份证号、专业、生源地等基本信息取自生源信息，如有错误，请及时联系所在学院辅导员/协理员修改，不能在签约时自行更改。

三、每名毕业生同一时间只能与一家用人单位签约。签约信息保存后尚未正式提交的，毕业生仍可修改签约单位；正式提交后不能更改签约单位，除非毕业生与用人单位协商一致后由用人单位将签约信息退回。

四、用人单位须在就业网注册并经学校就业指导中心审核通过后方可办理网上签约。用人单位应如实、准确填写“用人单位情况及意见”，单位性质按实际情况选择；“就业报到证抬头”“组织关系接收单位”“档案转寄详细地址”“落户城市”关系到毕业生档案、组织关系和户口的转递，请务必准确填写。用人单位确定签约后、毕业生复核确认前，发现单位信息有误的，可在“已签约信息”中“拿回重签”。

五、用人单位确定签约后，毕业生应及时登录系统核对用人单位填写的信息并点击“复核确认”；发现问题须及时与用人单位沟通。用人单位确定签约满七日毕业生仍未确认的，系统将自动确认。

六、学院审核通过后，毕业生、辅导员/协理员和就业指导中心均可打印就业协议书。就业协议书一式三份，每份须在一张A4纸上正反面（双面）打印，请勿多打，每次打印均留有记录，多打造成的后果由本人承担。

七、打印后，毕业生持三份协议书到所在学院加盖学院公章、到就业指导中心加盖学校公章，再将三份协议书邮寄给用人单位加盖单位公章；用人单位留存一份后将其余两份返还毕业生，毕业生收到后及时将一份交所在学院辅导员/协理员处备案。

八、网上签约系统不办理违约（解约）手续，违约须在线下办理，详见《违约说明》及就业指导中心相关通知。`;

export const DEMO_BREACH_NOTICE = `一、就业协议书经毕业生、用人单位、学校三方签字盖章后生效，对三方均具有约束力，任何一方不得擅自解除。毕业生应慎重选择用人单位，诚实守信，避免违约。

二、就业网不支持违约办理，违约须在线下进行。确需解除协议的，毕业生应先与用人单位协商一致，取得用人单位出具的同意解约证明（解约函），并按协议约定承担相应的违约责任。

三、毕业生持解约函、本人书面申请及原就业协议书（本人及学校留存的两份）到所在学院登记，经学院签署意见后报学校就业指导中心审核。审核同意后，原协议在系统中作废，毕业生方可与新的用人单位重新办理网上签约。

四、每名毕业生原则上只能办理一次违约手续。因违约产生的违约金等一切后果由违约方自行承担，学校不承担任何责任。

五、用人单位无正当理由不接收毕业生或单方解除协议的，毕业生可凭相关证明材料向学院和学校就业指导中心反映，学校将协助毕业生维护合法权益。`;

export const DEMO_TERMS_V1 = `就业协议书条款

为明确应届毕业生（以下简称乙方）、用人单位（以下简称甲方）和学校（以下简称丙方）在毕业生就业工作中的权利和义务，根据国家有关高校毕业生就业的政策规定，经三方协商一致，签订本协议。

第一条 甲方的权利和义务
（一）甲方应如实向乙方介绍本单位情况，包括单位性质、工作岗位、工作内容、工作地点、劳动条件、薪酬待遇、社会保险和住房公积金等，并如实填写本协议书中的用人单位情况。
（二）甲方有权了解乙方的在校学习情况、身体状况和思想品德表现，有权按照本单位的录用条件对乙方进行考核。
（三）甲方应在乙方报到后依照《中华人民共和国劳动合同法》等规定及时与乙方订立劳动合同或聘用合同。劳动合同约定的条件不得低于本协议的约定，甲方不得无故拒绝接收乙方。
（四）甲方负责办理接收乙方的手续，明确档案、户口和党团组织关系的接收单位及地址；需经上级主管部门批准方可接收毕业生的，由甲方负责报批，主管部门意见栏可不填。
（五）甲方招用乙方不得设置性别、民族、地域、婚育状况等歧视性条件，不得向乙方收取押金、保证金，不得扣押乙方的身份证件和学历证书。

第二条 乙方的权利和义务
（一）乙方应如实向甲方介绍本人情况，所提供的学习成绩、奖惩情况、身体状况等材料须真实有效。
（二）乙方有权了解甲方的情况及工作岗位、薪酬待遇等，在国家就业政策范围内自主选择用人单位。
（三）乙方同一时间只能与一家用人单位签订就业协议，签订本协议后不得再与其他单位签订就业协议。
（四）乙方应按期完成学业、取得毕业资格，并在甲方规定的时间内到甲方报到。乙方未能按期毕业的，应及时告知甲方和丙方，由甲方决定本协议是否继续履行。
（五）乙方应遵守甲方依法制定的规章制度；报到前个人情况发生重大变化的，应及时告知甲方和丙方。

第三条 丙方的权利和义务
（一）丙方应如实向甲方介绍乙方的在校情况，做好毕业生的推荐工作。
（二）丙方负责审核本协议的内容，对符合国家就业政策的协议予以鉴证登记，并将乙方列入学校毕业生就业方案。
（三）丙方应在乙方毕业后按时为乙方办理离校手续，并按照甲方提供的地址转递乙方的档案和组织关系。
（四）丙方负责督促甲乙双方履行本协议，协调处理协议履行过程中出现的问题。
（五）丙方依法保护乙方的个人信息，不得将其用于毕业生就业工作以外的用途。

第四条 协议的生效与终止
（一）本协议经甲乙丙三方签字、盖章后生效。本协议一式三份，甲乙丙三方各执一份，具有同等效力。
（二）本协议由学校就业网网上签约系统生成并打印，每份须双面打印在一张纸上；三方信息以系统记录为准，手写涂改无效。
（三）乙方到甲方报到，甲乙双方订立劳动合同或聘用合同后，本协议自行终止，双方的权利和义务以劳动合同或聘用合同为准。

第五条 协议的解除与违约
（一）协议生效后，任何一方不得擅自解除。确需解除的，提出解除的一方应与其他两方协商一致。
（二）甲乙双方可在备注中约定违约责任。违约方应按约定承担违约责任，违约金数额由甲乙双方协商确定，不得违反国家有关规定。
（三）有下列情形之一的，本协议自行解除：乙方未取得毕业资格的；乙方被录取为研究生或应征入伍且经甲方同意的；甲方被依法撤销、宣告破产或者发生重大变化致使本协议无法履行的。
（四）违约及解约手续在线下办理，网上签约系统不受理违约。经丙方审核同意后，原协议在系统中作废。

第六条 其他
（一）甲乙双方另有约定（如服务期、试用期、薪酬、培训、住房等）的，可在备注中注明或另附协议，另附协议经双方签字后作为本协议的组成部分，与本协议具有同等效力，但不得违反国家法律法规和本协议条款。
（二）本协议未尽事宜，按照国家和地方有关高校毕业生就业的政策规定执行；政策未作规定的，由三方协商解决。
（三）本协议条款由丙方负责解释。

备注：`;
