// The agreement form (就业协议书) as plain display strings: what AgreementSheet shows on
// every role's page and what the PDF template prints. Codes become labels here, once.
import type { AgreementDetail } from "@/lib/workflow/queries";
import { snapshotOf, type StudentSnapshot } from "./student-section";
import {
  educationLabel,
  ethnicityLabel,
  politicalStatusLabel,
  regionLabel,
  trainingModeLabel,
  unitNatureLabel,
} from "@/lib/reference";
import { maskIdNumber } from "@/lib/validation/id-card";
import { formatFormDate } from "@/lib/format";

/** Serializable (plain strings), so it can be handed to client components as well. */
export type AgreementSheetData = {
  /** 协议书号, "" before the first submission */
  agreementNo: string;
  /** "本科生专用" / "研究生专用", as the form's edition line */
  edition: string;
  student: {
    name: string;
    gender: string;
    ethnicity: string;
    political: string;
    trainingMode: string;
    education: string;
    schoolingYears: string;
    graduationMonth: string;
    major: string;
    college: string;
    idNumber: string;
    origin: string;
    /** 联系方式: 手机号/电子邮箱 */
    contact: string;
    homeAddress: string;
    opinion: string;
  };
  unit: {
    name: string;
    orgCode: string;
    department: string;
    contactName: string;
    contactPhone: string;
    email: string;
    address: string;
    postalCode: string;
    /** national code of 单位性质, "" when not chosen yet */
    natureCode: string;
    natureLabel: string;
    reportTitle: string;
    partyOrgReceiver: string;
    archiveAddress: string;
    settleCity: string;
    employerOpinion: string;
    authorityOpinion: string;
  };
  school: {
    contact: string;
    phone: string;
    postalCode: string;
    mailAddress: string;
    collegeOpinion: string;
    schoolOpinion: string;
  };
  /** 备注/其他约定: the invitation's 补充条款 (#14), "" when none */
  remarks: string;
  /** 就业报到证抬头: kept on the form only where the office's setting keeps it (abolished 2023) */
  showReportTitle: boolean;
  /** 电子协议: seals placed online, the signed PDF is the original; 纸质: print and stamp */
  mode: "PAPER" | "ELECTRONIC";
  /** dates of the online steps, "2027年5月1日" or "" */
  dates: {
    studentConfirmed: string;
    employerSigned: string;
    approved: string;
    /** 鉴证 by the 学校就业主管部门 (electronic mode) */
    attested: string;
  };
};

const GENDER_LABELS: Record<string, string> = { MALE: "男", FEMALE: "女" };


const text = (value: string | number | null | undefined): string => (value == null ? "" : String(value).trim());

/** 毕业生 section source: the live 生源信息 before submission, the frozen snapshot after. */
function studentSource(detail: AgreementDetail): StudentSnapshot {
  const snapshot = detail.studentSnapshot as StudentSnapshot | null;
  if (snapshot && typeof snapshot === "object" && "name" in snapshot) return snapshot;
  return snapshotOf(detail.student);
}

export function toSheetData(detail: AgreementDetail, opts: { maskIdNumber: boolean; showReportTitle?: boolean }): AgreementSheetData {
  const s = studentSource(detail);
  const a = detail;
  const postgraduate = s.educationCode === "01" || s.educationCode === "11";
  const natureCode = text(a.unitNatureCode);
  return {
    agreementNo: text(a.agreementNo),
    edition: postgraduate ? "研究生专用" : "本科生专用",
    student: {
      name: text(s.name),
      gender: GENDER_LABELS[s.gender] ?? "",
      ethnicity: ethnicityLabel(s.ethnicityCode) ?? "",
      political: politicalStatusLabel(s.politicalCode) ?? "",
      trainingMode: trainingModeLabel(s.trainingMode) ?? "",
      education: educationLabel(s.educationCode) ?? "",
      schoolingYears: text(s.schoolingYears),
      graduationMonth: text(s.graduationMonth),
      major: text(s.majorName),
      college: text(s.collegeName),
      idNumber: s.idNumber ? (opts.maskIdNumber ? maskIdNumber(s.idNumber) : s.idNumber) : "",
      origin: regionLabel(s.originProvince, s.originCity),
      contact: [text(a.studentPhone), text(a.studentEmail)].filter(Boolean).join("/"),
      homeAddress: text(s.homeAddress),
      opinion: text(a.studentOpinion),
    },
    unit: {
      // Before the unit signs, its section is empty except the unit the student chose.
      name: text(a.unitName) || text(a.employer?.name),
      orgCode: text(a.unitOrgCode),
      department: text(a.unitDepartment),
      contactName: text(a.unitContactName),
      contactPhone: text(a.unitContactPhone),
      email: text(a.unitEmail),
      address: text(a.unitAddress),
      postalCode: text(a.unitPostalCode),
      natureCode,
      natureLabel: unitNatureLabel(natureCode) ?? "",
      reportTitle: text(a.unitReportTitle),
      partyOrgReceiver: text(a.unitPartyOrgReceiver),
      archiveAddress: text(a.unitArchiveAddress),
      settleCity: text(a.unitSettleCity),
      employerOpinion: text(a.employerOpinion),
      authorityOpinion: text(a.authorityOpinion),
    },
    school: {
      contact: text(a.schoolContact),
      phone: text(a.schoolPhone),
      postalCode: text(a.schoolPostalCode),
      mailAddress: text(a.schoolMailAddress),
      collegeOpinion: text(a.collegeOpinion),
      schoolOpinion: text(a.schoolOpinion),
    },
    remarks: "",
    showReportTitle: opts.showReportTitle ?? Boolean(text(a.unitReportTitle)),
    mode: a.signingMode,
    dates: {
      studentConfirmed: formatFormDate(a.studentConfirmedAt),
      employerSigned: formatFormDate(a.employerSignedAt),
      approved: formatFormDate(a.approvedAt),
      attested: formatFormDate(a.attestedAt),
    },
  };
}
