// The hash of what a party confirms when it signs: every value of the agreement's form (the
// graduate's frozen 生源信息 and what they typed, the unit's section and opinions, the
// school's section), its 协议书号, unit, terms and mode — not the workflow's bookkeeping
// (status, dates, version). The engine's write records it on each signing act's audit event
// (computed in the statement, on the row as written: one rule for one agreement or 500), and
// the 签署记录 page prints it: two acts with the same hash confirmed the same content.
import type { Agreement } from "@/lib/generated/prisma/client";

export const CONTENT_FIELDS = [
  "agreementNo",
  "employerId",
  "termsId",
  "signingMode",
  "studentSnapshot",
  "studentPhone",
  "studentEmail",
  "studentOpinion",
  "unitName",
  "unitOrgCode",
  "unitDepartment",
  "unitContactName",
  "unitContactPhone",
  "unitEmail",
  "unitAddress",
  "unitPostalCode",
  "unitNatureCode",
  "unitReportTitle",
  "unitPartyOrgReceiver",
  "unitArchiveAddress",
  "unitSettleCity",
  "employerOpinion",
  "authorityOpinion",
  "schoolContact",
  "schoolPhone",
  "schoolPostalCode",
  "schoolMailAddress",
  "collegeOpinion",
  "schoolOpinion",
] as const satisfies readonly (keyof Agreement)[];

/**
 * The acts by which a party gives its consent (正式提交, 确定签约, 复核确认, 通过, 鉴证; for a
 * unit's invitation (#14): 发出签约邀请 = the unit's 确定签约, 应约 = the student's 正式提交 and
 * 复核确认): each records the hash.
 */
export const SIGNING_ACTS = ["submit", "sign", "confirm", "approve", "attest", "invite", "acceptInvitation"] as const;

export function isSigningAct(action: string): boolean {
  return (SIGNING_ACTS as readonly string[]).includes(action);
}

/**
 * SQL: sha256 (hex) of the content of the agreement row `alias`, as jsonb text — jsonb
 * orders its keys and normalises its spacing, so equal content gives equal text.
 */
export function contentHashSql(alias: string): string {
  const pairs = CONTENT_FIELDS.map((f) => `'${f}', ${alias}."${f}"`).join(", ");
  return `encode(sha256(convert_to(jsonb_build_object(${pairs})::text, 'UTF8')), 'hex')`;
}
