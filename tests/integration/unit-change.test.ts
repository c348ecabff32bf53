// A student whose unit returned the agreement addresses it to another unit: the new unit
// sees none of the previous unit's dealings — not the student's unsubmitted draft, not the
// previous unit's staff, its section or its return reason, not the 学院's earlier return
// reason or 学校意见, not the prints of an earlier approval — on the pages' reads, the lists,
// the print panel and the 样张 PDF (real Chromium). The 学院 and the office keep the whole story.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { closePdfRenderer } from "@/lib/pdf/renderer";
import { printPanelProps } from "@/lib/printing/panel";
import { previewAgreementPdf, printAgreement } from "@/lib/printing/service";
import { approveAsCounselor, returnAsCounselor, returnAsEmployer, saveDraft, submitAgreement, type WorkflowActor } from "@/lib/workflow";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { countByStatus, getAgreementForActor, getStudentAgreement, listAgreements, pendingRefs, scopeOf } from "@/lib/workflow/queries";
import { agreementAt, approveForm, demoWorld, newStudent, studentForm } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";
import { refusal } from "../helpers/refusal";

process.env.PDF_CACHE_DIR = "off";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;
const ORIGIN = "http://localhost:3000";
const asActor = (a: WorkflowActor): Actor => ({ ...a, role: a.role as Actor["role"], userId: a.userId! });

function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "wq-unit-change-")), "a.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
}, 120_000);

afterAll(async () => {
  await closePdfRenderer();
});

describe("a new unit sees none of the previous unit's data", () => {
  it("after the unit's return and a change of unit: no draft, no history, no section, no prints of before", async () => {
    const student = await newStudent(prisma, "01");
    const previousUnit = await prisma.employer.findUniqueOrThrow({ where: { id: w.soft.employerId! } });
    const COLLEGE_REASON = "学院退回：原单位岗位描述不清";
    const UNIT_REASON = "原单位退回：岗位已撤销";
    const SCHOOL_CONTACT = "原审核联系人甲老师";
    const COLLEGE_OPINION = "同意到原单位就业";

    // with the previous unit: approved, printed, returned by the 学院, resubmitted, returned by the unit
    let r = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student, employer: w.soft, counselor: w.counselor });
    r = await approveAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, { ...approveForm, schoolContact: SCHOOL_CONTACT, collegeOpinion: COLLEGE_OPINION });
    await printAgreement(asActor(w.counselor), r.agreementId, { reason: null }, ORIGIN);
    r = await returnAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, COLLEGE_REASON);
    r = await saveDraft(student, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version });
    r = await submitAgreement(student, { agreementId: r.agreementId, version: r.version });
    r = await returnAsEmployer(w.soft, { agreementId: r.agreementId, version: r.version }, UNIT_REASON);

    // the student addresses it to another unit and saves: the new unit does not see the draft
    r = await saveDraft(student, studentForm(w.bank.employerId!), { agreementId: r.agreementId, version: r.version });
    const id = r.agreementId;
    expect((await refusal(getAgreementForActor(w.bank, id))).code).toBe("NOT_FOUND");
    expect((await refusal(previewAgreementPdf(asActor(w.bank), id, ORIGIN))).code).toBe("FORBIDDEN");
    expect((await listAgreements(scopeOf(w.bank), {})).rows.map((x) => x.id)).not.toContain(id);
    expect(await countByStatus(w.bank, "DRAFT")).toBe(0);
    // nor does the previous unit any more, and the student does
    expect((await refusal(getAgreementForActor(w.soft, id))).code).toBe("NOT_FOUND");
    expect((await getStudentAgreement(student.userId!))?.id).toBe(id);

    // submitted to the new unit: it sees the agreement, and nothing of before
    r = await submitAgreement(student, { agreementId: id, version: r.version });
    const secrets = [COLLEGE_REASON, UNIT_REASON, SCHOOL_CONTACT, COLLEGE_OPINION, w.soft.name, previousUnit.name, previousUnit.orgCode, w.counselor.name];
    const seen = await getAgreementForActor(w.bank, id);
    const leaked = (text: string) => secrets.filter((s) => text.includes(s));
    expect(leaked(JSON.stringify(seen))).toEqual([]);
    expect(seen.events.map((e) => e.action)).toEqual(["submit"]);
    expect(seen.printRecords).toEqual([]);
    expect(printPanelProps(capabilitiesOf(w.bank, seen), seen).records).toEqual([]);
    const lists = [await listAgreements(scopeOf(w.bank), { status: "PENDING_EMPLOYER" }), await pendingRefs(w.bank)];
    expect(JSON.stringify(lists)).toContain(id);
    expect(leaked(JSON.stringify(lists))).toEqual([]);
    const sample = pdfText((await previewAgreementPdf(asActor(w.bank), id, ORIGIN)).pdf.bytes);
    expect(sample).toContain("样张");
    expect(leaked(sample)).toEqual([]);

    // the 学院 and the office keep the whole story
    const full = await getAgreementForActor(w.counselor, id);
    expect(full.events.some((e) => e.reason === COLLEGE_REASON) && full.events.some((e) => e.reason === UNIT_REASON)).toBe(true);
    expect(full.printRecords).toHaveLength(1);
  }, 120_000);

  it("the unit the student keeps still sees its own earlier dealings (a 学院 return, its own signature)", async () => {
    const student = await newStudent(prisma, "01");
    let r = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student, employer: w.soft, counselor: w.counselor });
    r = await returnAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, "请补充本人意见");
    r = await saveDraft(student, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version });
    // the student's draft is theirs until resubmitted
    expect((await refusal(getAgreementForActor(w.soft, r.agreementId))).code).toBe("NOT_FOUND");
    r = await submitAgreement(student, { agreementId: r.agreementId, version: r.version });
    const seen = await getAgreementForActor(w.soft, r.agreementId);
    expect(seen.events.map((e) => e.action)).toEqual(["submit", "sign", "confirm", "returnByCollege", "saveDraft", "submit"]);
  });
});
