// 电子协议 and 纸质 modes through the real services, PostgreSQL, Chromium and poppler:
// seals (checked, reviewed, placed when each party signs and found inside their boxes on the
// rendered page), 鉴证, the signed original with its 签署记录, and the paper path's 回传.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { sha256 } from "@/lib/pdf/cache";
import { closePdfRenderer } from "@/lib/pdf/renderer";
import { MAX_SCAN_BYTES, scanFileFor, uploadScan } from "@/lib/printing/scans";
import { printAgreement } from "@/lib/printing/service";
import { verifyAgreementDocument } from "@/lib/printing/verify-document";
import { demoSealPng } from "@/lib/seals/demo-seal";
import { checkSealPng } from "@/lib/seals/png";
import { reviewUnitSeal, sealInForce, setOfficeSeal, uploadUnitSeal } from "@/lib/seals/service";
import { setSigningMode, updatePaperFormSettings } from "@/lib/settings/paperless";
import { approveEmployer } from "@/lib/employers/review";
import { attestAsOffice, batchAttestAsOffice, fileAgreement, type WorkflowActor } from "@/lib/workflow";
import { agreementAt, demoWorld, newStudent } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";
import { refusal } from "../helpers/refusal";
import { redInStampBoxes as boxesRed } from "../helpers/pdf-checks";

process.env.PDF_CACHE_DIR = "off";

const dir = mkdtempSync(path.join(tmpdir(), "wq-paperless-test-"));
const ORIGIN = "http://localhost:3000";
const asActor = (a: WorkflowActor): Actor => ({ ...a, role: a.role as Actor["role"], userId: a.userId! });

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;

function opaquePng(size: number): Uint8Array {
  const png = new PNG({ width: size, height: size });
  png.data.fill(255); // white, fully opaque: a photo of a seal on paper
  return new Uint8Array(PNG.sync.write(png));
}

const redInStampBoxes = (pdf: Uint8Array, name: string) => boxesRed(pdf, dir, name);

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
}, 120_000);

afterAll(async () => {
  await closePdfRenderer();
});

describe("seal images", () => {
  it("accepts a transparent PNG seal and refuses what would print badly or is not a PNG", () => {
    expect(checkSealPng(demoSealPng("unit"))).toMatchObject({ width: 400, height: 400 });
    const bad: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /请选择印章图片/],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6]), /须为 PNG 格式/],
      [opaquePng(300), /透明背景/],
      [new Uint8Array(demoSealPng("unit", 120)), /至少 200×200 像素/],
      [new Uint8Array(600 * 1024), /不能超过 512 KB/],
    ];
    for (const [bytes, message] of bad) expect(() => checkSealPng(bytes)).toThrow(message);
  });
});

describe("a unit's seal is reviewed by the office", () => {
  it("is approved with a new unit; a changed seal waits for review while the old one stays in force", async () => {
    // a freshly registered unit (PENDING) uploads its seal; approving the unit approves it
    const unit = await prisma.employer.create({
      data: { name: "待审核印章测试有限公司", orgCode: `91230100MA${Date.now().toString(36).toUpperCase().slice(-8)}`, contactName: "赵", contactPhone: "13800000000", email: "s@example.com", address: "哈尔滨", postalCode: "150001", natureCode: "39", provinceCode: "230000" },
    });
    const staff = await prisma.user.create({ data: { username: `seal-${unit.id}`, passwordHash: "x", role: "EMPLOYER", name: "赵经办", employerId: unit.id } });
    const staffActor: Actor = { userId: staff.id, role: "EMPLOYER", name: staff.name, collegeId: null, employerId: unit.id };
    const first = await uploadUnitSeal(staffActor, demoSealPng("unit"));
    expect(first.status).toBe("PENDING");
    expect(await sealInForce(prisma, { kind: "UNIT", employerId: unit.id })).toBeNull();
    await approveEmployer(asActor(w.office), unit.id);
    expect((await sealInForce(prisma, { kind: "UNIT", employerId: unit.id }))?.id).toBe(first.id);
    expect((await prisma.employer.findUniqueOrThrow({ where: { id: unit.id } })).sealId).toBe(first.id);

    // the approved unit changes its seal: pending, the first stays in force until the office decides
    const second = await uploadUnitSeal(staffActor, demoSealPng("school"));
    expect((await sealInForce(prisma, { kind: "UNIT", employerId: unit.id }))?.id).toBe(first.id);
    expect((await refusal(reviewUnitSeal(staffActor, second.id, { approve: true }))).code).toBe("FORBIDDEN");
    expect((await refusal(reviewUnitSeal(asActor(w.office), second.id, { approve: false, reason: " " }))).message).toMatch(/请填写不通过原因/);
    await reviewUnitSeal(asActor(w.office), second.id, { approve: false, reason: "印章图片不清晰" });
    expect((await prisma.seal.findUniqueOrThrow({ where: { id: second.id } })).rejectReason).toBe("印章图片不清晰");
    expect((await sealInForce(prisma, { kind: "UNIT", employerId: unit.id }))?.id).toBe(first.id);
    const third = await uploadUnitSeal(staffActor, demoSealPng("college"));
    await reviewUnitSeal(asActor(w.office), third.id, { approve: true });
    expect((await sealInForce(prisma, { kind: "UNIT", employerId: unit.id }))?.id).toBe(third.id);
    expect((await refusal(reviewUnitSeal(asActor(w.office), third.id, { approve: true }))).code).toBe("CONFLICT");
    // only the office sets 学院 seals and the 鉴证章
    expect((await refusal(setOfficeSeal(staffActor, { kind: "SCHOOL" }, demoSealPng("school")))).code).toBe("FORBIDDEN");
  });
});

describe("电子协议: from the student's submission to the signed original", () => {
  let student: WorkflowActor;
  let agreementId: string;
  let original: Uint8Array;

  beforeAll(async () => {
    student = await newStudent(prisma);
    const year = (await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } })).graduationYear;
    await setSigningMode(asActor(w.office), { graduationYear: year, signingMode: "ELECTRONIC" });
    const approved = await agreementAt(prisma, "APPROVED", { student, employer: w.soft, counselor: w.counselor });
    agreementId = approved.agreementId;
  }, 120_000);

  it("keeps the year's mode on the agreement; the 鉴证 places the school's seal; only then is there an original to download", async () => {
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect(a.signingMode).toBe("ELECTRONIC");
    expect((await refusal(printAgreement(asActor(student), agreementId, { reason: null }, ORIGIN))).message).toMatch(/鉴证后，方可下载/);
    expect((await refusal(fileAgreement(w.counselor, { agreementId, version: a.version }))).message).toMatch(/鉴证后方可备案/);
    expect((await refusal(attestAsOffice(w.counselor, { agreementId, version: a.version }))).code).toBe("FORBIDDEN");
    await attestAsOffice(w.office, { agreementId, version: a.version });
    const attested = await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect(attested.status).toBe("APPROVED");
    expect(attested.attestedAt).not.toBeNull();
    expect((await refusal(attestAsOffice(w.office, { agreementId, version: attested.version }))).message).toMatch(/已鉴证/);
  }, 60_000);

  it("is one signed file for every party: valid, whole-document, 3 pages, recorded at issue", async () => {
    original = (await printAgreement(asActor(student), agreementId, { reason: null }, ORIGIN)).pdf.bytes;
    const byUnit = (await printAgreement(asActor(w.soft), agreementId, { reason: null }, ORIGIN)).pdf.bytes;
    const again = (await printAgreement(asActor(student), agreementId, { reason: null }, ORIGIN)).pdf.bytes; // no once-only rule: it is a download
    expect(sha256(byUnit)).toBe(sha256(original));
    expect(sha256(again)).toBe(sha256(original));
    const file = path.join(dir, "original.pdf");
    writeFileSync(file, original);
    const report = execFileSync("pdfsig", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Pages:\s+3$/m);
    expect(await verifyAgreementDocument(original)).toMatchObject({ check: "VALID" });
    expect(await prisma.issuedDocument.count({ where: { agreementId } })).toBe(1);
  }, 60_000);

  it("carries the unit's, the 学院's and the school's seals inside their boxes, and none in the 主管部门 box", () => {
    const [unit, authority, college, school] = redInStampBoxes(original, "electronic");
    expect(unit).toBeGreaterThan(300);
    expect(college).toBeGreaterThan(300);
    expect(school).toBeGreaterThan(300);
    expect(authority).toBe(0);
  });

  it("has a 签署记录 page listing every party's act with the content hash the audit trail holds", async () => {
    const file = path.join(dir, "original.pdf");
    const page3 = execFileSync("pdftotext", ["-f", "3", "-l", "3", file, "-"], { encoding: "utf8" });
    expect(page3).toContain("签署记录");
    for (const act of ["正式提交", "确定签约", "复核确认", "学院审核通过", "鉴证"]) expect(page3).toContain(act);
    const events = await prisma.agreementEvent.findMany({ where: { agreementId, action: { in: ["submit", "sign", "confirm", "approve", "attest"] } }, orderBy: { version: "asc" } });
    expect(events).toHaveLength(5);
    const flat = page3.replace(/\s+/g, "");
    for (const e of events) {
      expect(e.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(flat).toContain(e.contentHash!);
    }
    // the student confirmed exactly what the unit signed; the 学院 added its section after
    const [submit, sign, confirm, approve, attest] = events.map((e) => e.contentHash);
    expect(confirm).toBe(sign);
    expect(submit).not.toBe(sign);
    expect(approve).not.toBe(confirm);
    expect(attest).toBe(approve);
  });

  it("refuses a unit without an approved seal, a 学院 without one, and 鉴证 without the 鉴证章", async () => {
    const other = await newStudent(prisma, "02");
    const year = (await prisma.student.findUniqueOrThrow({ where: { userId: other.userId! } })).graduationYear;
    await setSigningMode(asActor(w.office), { graduationYear: year, signingMode: "ELECTRONIC" });
    await prisma.employer.update({ where: { id: w.bank.employerId! }, data: { sealId: null } });
    const error = await refusal(agreementAt(prisma, "PENDING_STUDENT_CONFIRM", { student: other, employer: w.bank, counselor: w.otherCounselor }));
    expect(error.message).toMatch(/请先在“单位信息”中上传电子印章/);
    const seal = await sealInForce(prisma, { kind: "UNIT", employerId: w.bank.employerId! });
    await prisma.employer.update({ where: { id: w.bank.employerId! }, data: { sealId: seal!.id } });

    // a 学院 with no seal in force cannot approve an electronic agreement; nor the office attest without its 鉴证章
    const third = await newStudent(prisma, "02");
    const college = (await prisma.student.findUniqueOrThrow({ where: { userId: third.userId! } })).collegeId;
    await prisma.seal.updateMany({ where: { kind: "COLLEGE", collegeId: college }, data: { status: "REJECTED" } });
    const noCollegeSeal = await refusal(agreementAt(prisma, "APPROVED", { student: third, employer: w.bank, counselor: w.otherCounselor }));
    expect(noCollegeSeal.message).toMatch(/尚未设置本学院的电子印章/);
    await prisma.seal.updateMany({ where: { kind: "COLLEGE", collegeId: college }, data: { status: "APPROVED" } });
    const pending = await prisma.agreement.findFirstOrThrow({ where: { student: { userId: third.userId! }, status: "PENDING_COLLEGE_REVIEW" } });
    const { approveAsCounselor } = await import("@/lib/workflow");
    const { approveForm } = await import("../fixtures/workflow");
    const approved = await approveAsCounselor(w.otherCounselor, { agreementId: pending.id, version: pending.version }, approveForm);
    await prisma.seal.updateMany({ where: { kind: "SCHOOL" }, data: { status: "REJECTED" } });
    expect((await refusal(attestAsOffice(w.office, { agreementId: pending.id, version: approved.version }))).message).toMatch(/尚未设置学校毕业生就业主管部门的鉴证章/);
    await prisma.seal.updateMany({ where: { kind: "SCHOOL" }, data: { status: "APPROVED" } });
  }, 60_000);
});

describe("纸质: print, stamp, 回传, 备案", () => {
  let student: WorkflowActor;
  let agreementId: string;

  beforeAll(async () => {
    student = await newStudent(prisma, "03");
    const counselor03 = await prisma.user.findFirstOrThrow({ where: { role: "COUNSELOR", college: { code: "03" } } });
    const counselor: WorkflowActor = { userId: counselor03.id, role: "COUNSELOR", name: counselor03.name, collegeId: counselor03.collegeId, employerId: null };
    const year = (await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } })).graduationYear;
    await setSigningMode(asActor(w.office), { graduationYear: year, signingMode: "PAPER" }); // the year the tests above made electronic
    agreementId = (await agreementAt(prisma, "APPROVED", { student, employer: w.soft, counselor })).agreementId;
    await updatePaperFormSettings(asActor(w.office), { showReportTitle: false, requireScanForFiling: true });
  }, 120_000);

  afterAll(async () => {
    await updatePaperFormSettings(asActor(w.office), { showReportTitle: false, requireScanForFiling: false });
  });

  it("prints empty seal boxes (the parties stamp by hand) and no 就业报到证抬头", async () => {
    const pdf = (await printAgreement(asActor(student), agreementId, { reason: null }, ORIGIN)).pdf.bytes;
    expect(redInStampBoxes(pdf, "paper")).toEqual([0, 0, 0, 0]);
    const file = path.join(dir, "paper.pdf");
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
    expect(text).not.toContain("就业报到证抬头");
    // (统一社会信用代码 wraps in its narrow label cell: the sheet's unit test checks that label)
    for (const label of ["用人单位（盖章）", "主管部门（盖章）", "学院（盖章）", "学校毕业生就业主管部门鉴证意见", "档案转寄详", "落户城市"]) expect(text.replace(/\s+/g, "")).toContain(label);
  }, 60_000);

  it("checks the 回传 file by its bytes and size, and lets only the student upload it", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n% a scanned agreement\n");
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    expect((await refusal(uploadScan(asActor(student), agreementId, { name: "scan.exe", bytes: new TextEncoder().encode("MZ\x90\x00") }))).message).toMatch(/只能上传 PDF、JPG 或 PNG/);
    expect((await refusal(uploadScan(asActor(student), agreementId, { name: "big.pdf", bytes: new Uint8Array(MAX_SCAN_BYTES + 1) }))).message).toMatch(/不能超过 10 MB/);
    expect((await refusal(uploadScan(asActor(w.student), agreementId, { name: "x.pdf", bytes: pdf }))).code).toBe("NOT_FOUND");
    expect((await refusal(uploadScan(asActor(w.counselor), agreementId, { name: "x.pdf", bytes: pdf }))).code).toBe("FORBIDDEN");
    const photo = await uploadScan(asActor(student), agreementId, { name: "../../照片.png", bytes: jpeg });
    expect(photo).toMatchObject({ mimeType: "image/jpeg", fileName: "....照片.jpg" });
    const scan = await uploadScan(asActor(student), agreementId, { name: "协议书扫描.pdf", bytes: pdf });
    expect(scan.mimeType).toBe("application/pdf");
    // the 学院's counselors and the office see it; the unit and other 学院 do not
    const counselor03 = await prisma.user.findFirstOrThrow({ where: { role: "COUNSELOR", college: { code: "03" } } });
    const asCounselor: Actor = { userId: counselor03.id, role: "COUNSELOR", name: counselor03.name, collegeId: counselor03.collegeId, employerId: null };
    expect(Buffer.from((await scanFileFor(asCounselor, agreementId, scan.id)).bytes).toString("latin1")).toContain("a scanned agreement");
    expect((await scanFileFor(asActor(w.office), agreementId, scan.id)).mimeType).toBe("application/pdf");
    expect((await refusal(scanFileFor(asActor(w.counselor), agreementId, scan.id))).code).toBe("NOT_FOUND");
    expect((await refusal(scanFileFor(asActor(w.soft), agreementId, scan.id))).code).toBe("NOT_FOUND");
  });

  it("files only after the 回传 when the office requires it", async () => {
    const other = await newStudent(prisma, "03");
    const counselor03 = await prisma.user.findFirstOrThrow({ where: { role: "COUNSELOR", college: { code: "03" } } });
    const counselor: WorkflowActor = { userId: counselor03.id, role: "COUNSELOR", name: counselor03.name, collegeId: counselor03.collegeId, employerId: null };
    const r = await agreementAt(prisma, "APPROVED", { student: other, employer: w.soft, counselor });
    expect((await refusal(fileAgreement(counselor, { agreementId: r.agreementId, version: r.version }))).message).toMatch(/上传盖章后的就业协议书扫描件或照片（回传）/);
    await uploadScan(asActor(other), r.agreementId, { name: "scan.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n") });
    const filed = await fileAgreement(counselor, { agreementId: r.agreementId, version: r.version });
    expect(filed.to).toBe("FILED");
    expect((await refusal(uploadScan(asActor(other), r.agreementId, { name: "late.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n") }))).message).toMatch(/已备案/);
  }, 60_000);
});

describe("批量鉴证", () => {
  it("attests every electronic one ticked, refuses the paper one with its reason, and only for the office", async () => {
    const year = (await prisma.student.findUniqueOrThrow({ where: { userId: (await newStudent(prisma)).userId! } })).graduationYear;
    await setSigningMode(asActor(w.office), { graduationYear: year, signingMode: "ELECTRONIC" });
    const electronic = [];
    for (let i = 0; i < 2; i++) electronic.push(await agreementAt(prisma, "APPROVED", { student: await newStudent(prisma), employer: w.soft, counselor: w.counselor }));
    await setSigningMode(asActor(w.office), { graduationYear: year, signingMode: "PAPER" });
    const paper = await agreementAt(prisma, "APPROVED", { student: await newStudent(prisma), employer: w.soft, counselor: w.counselor });
    const items = [...electronic, paper].map((r) => ({ agreementId: r.agreementId, version: r.version }));
    expect((await refusal(batchAttestAsOffice(w.counselor, items))).code).toBe("FORBIDDEN");
    const outcomes = await batchAttestAsOffice(w.office, items);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[2].message).toMatch(/无需网上鉴证/);
    for (const r of electronic) {
      const a = await prisma.agreement.findUniqueOrThrow({ where: { id: r.agreementId } });
      expect(a.attestedAt).not.toBeNull();
      const event = await prisma.agreementEvent.findUniqueOrThrow({ where: { agreementId_version: { agreementId: a.id, version: a.version } } });
      expect(event).toMatchObject({ action: "attest", actorRole: "OFFICE", fromStatus: "APPROVED", toStatus: "APPROVED" });
      expect(event.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    // a second time: already attested, told so, nothing written
    const again = await batchAttestAsOffice(w.office, electronic.map((r) => ({ agreementId: r.agreementId, version: r.version + 1 })));
    expect(again.every((o) => !o.ok && /已鉴证/.test(o.message))).toBe(true);
  }, 120_000);
});
