// 用户中心: the graduate's own 生源信息, read-only, in the words and order of the manual's
// 确认基本信息 box. Everything is turned into labels here so the page only lays it out.
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { educationLabel } from "@/lib/reference/education";
import { ethnicityLabel } from "@/lib/reference/ethnicities";
import { politicalStatusLabel } from "@/lib/reference/political-status";
import { regionLabel } from "@/lib/reference/regions";
import { trainingModeLabel } from "@/lib/reference/training-mode";
import { maskIdNumber } from "@/lib/validation/id-card";
import { GENDER_LABELS, SOURCE_STATUS_LABELS } from "./labels";

export async function getOwnSourceInfo(actor: Pick<Actor, "role" | "userId">) {
  if (actor.role !== "STUDENT") throw new AppError("FORBIDDEN");
  const s = await prisma.student.findUnique({ where: { userId: actor.userId }, include: { college: true, major: true, user: { select: { phone: true, email: true } } } });
  if (!s) return null;
  return {
    status: s.sourceStatus,
    statusLabel: SOURCE_STATUS_LABELS[s.sourceStatus],
    note: s.sourceNote,
    updatedAt: s.updatedAt,
    /** 手机号 and 电子邮箱 as imported with the 生源信息: the agreement form starts from them */
    contact: { phone: s.user.phone ?? "", email: s.user.email ?? "" },
    fields: [
      ["学号", s.studentNo],
      ["姓名", s.name],
      ["性别", GENDER_LABELS[s.gender]],
      ["民族", ethnicityLabel(s.ethnicityCode) ?? s.ethnicityCode],
      ["政治面貌", politicalStatusLabel(s.politicalCode) ?? s.politicalCode],
      ["培养方式", trainingModeLabel(s.trainingMode) ?? s.trainingMode],
      ["学历", educationLabel(s.educationCode) ?? s.educationCode],
      ["学制", String(s.schoolingYears)],
      ["毕业时间", s.graduationMonth],
      ["学院", s.college.name],
      ["专业", s.major.name],
      ["身份证号", maskIdNumber(s.idNumber)],
      ["生源地省", regionLabel(s.originProvince)],
      ["生源地市/县", regionLabel(s.originProvince, s.originCity)],
      ["家庭地址", s.homeAddress],
    ] as const,
  };
}
