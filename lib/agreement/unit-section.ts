// 用人单位情况 — the unit's section of the 就业协议书, declared ONCE: each field's agreement
// column, the unit-profile column it is prefilled from, its label (the manual's), its
// validation and how the sign form shows it. The schemas of the sign form and of the unit
// profile, the prefill from the profile, the clearing on a change of unit, the set-based
// write of 批量签约 and the form fields all derive from this list.
import { z } from "zod";
import type { Agreement, Employer } from "@/lib/generated/prisma/client";
import {
  emailSchema,
  optionalText,
  phoneSchema,
  postalCodeSchema,
  requiredText,
  unitCodeSchema,
  unitNatureCodeSchema,
} from "@/lib/validation/common";

type FormHints = { required?: boolean; wide?: boolean; inputMode?: "tel" | "email" | "numeric" };

function field<P extends keyof Employer, S extends z.ZodType>(profile: P, label: string, schema: (label: string) => S, form: FormHints = {}) {
  return { profile, label, schema: schema(label), form };
}
const required = (max: number) => (label: string) => requiredText(label, max);
const optional = (max: number) => (label: string) => optionalText(label, max);

export const UNIT_SECTION_FIELDS = {
  unitName: field("name", "单位名称", required(100), { required: true, wide: true }),
  unitOrgCode: field("orgCode", "统一社会信用代码", () => unitCodeSchema, { required: true }),
  unitDepartment: field("department", "单位隶属部门", optional(100)),
  unitContactName: field("contactName", "联系人", required(50), { required: true }),
  unitContactPhone: field("contactPhone", "联系电话", () => phoneSchema, { required: true, inputMode: "tel" }),
  unitEmail: field("email", "电子邮箱", () => emailSchema, { required: true, inputMode: "email" }),
  unitPostalCode: field("postalCode", "邮政编码", () => postalCodeSchema, { required: true, inputMode: "numeric" }),
  unitAddress: field("address", "通讯地址", required(200), { required: true, wide: true }),
  unitNatureCode: field("natureCode", "单位性质", () => unitNatureCodeSchema, { required: true }),
  unitReportTitle: field("reportTitle", "就业报到证抬头", optional(100), { wide: true }),
  unitPartyOrgReceiver: field("partyOrgReceiver", "组织关系接收单位", optional(100), { wide: true }),
  unitArchiveAddress: field("archiveAddress", "档案转寄详细地址", optional(200), { wide: true }),
  unitSettleCity: field("settleCity", "落户城市(详细地址)", optional(200), { wide: true }),
} as const satisfies Partial<Record<keyof Agreement, { profile: keyof Employer }>>;

export type UnitSectionColumn = keyof typeof UNIT_SECTION_FIELDS;
export const UNIT_SECTION_COLUMNS = Object.keys(UNIT_SECTION_FIELDS) as UnitSectionColumn[];

/** The unit's opinions, signed with the section (用人单位意见, 主管部门意见). */
export const UNIT_OPINION_FIELDS = {
  employerOpinion: { label: "用人单位意见", schema: requiredText("用人单位意见", 500), form: { required: true, wide: true, multiline: true, label: "用人单位意见" } },
  authorityOpinion: { label: "主管部门意见", schema: optionalText("主管部门意见", 500), form: { wide: true, multiline: true, label: "主管部门意见（可不填）" } },
} as const satisfies Partial<Record<keyof Agreement, unknown>>;

type Shape<T extends Record<string, { schema: z.ZodType }>> = { [K in keyof T]: T[K]["schema"] };

function shapeOf<T extends Record<string, { schema: z.ZodType }>>(fields: T): Shape<T> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as Shape<T>;
}

/** 用人单位情况 as the unit signs it (prefilled from the unit's profile). */
export const unitSectionSchema = z.object(shapeOf(UNIT_SECTION_FIELDS));

/** The section and the opinions: the 确定签约 form. */
export const unitSignatureSchema = unitSectionSchema.extend(shapeOf(UNIT_OPINION_FIELDS));

export type UnitSignature = z.output<typeof unitSignatureSchema>;
export type UnitSignatureInput = z.input<typeof unitSignatureSchema>;

/**
 * 单位名称, 统一社会信用代码, 单位性质: the unit's identity as the office approved it. A unit
 * signs under it — the 确定签约 form does not take it — and changes it only through the
 * office's review (lib/employers/profile.ts: 变更待审核).
 */
export const UNIT_IDENTITY_COLUMNS = ["unitName", "unitOrgCode", "unitNatureCode"] as const satisfies readonly UnitSectionColumn[];
export type UnitIdentityColumn = (typeof UNIT_IDENTITY_COLUMNS)[number];
/** The section's columns a unit types (everything but the approved identity), in order. */
export const UNIT_FORM_COLUMNS = UNIT_SECTION_COLUMNS.filter((c): c is Exclude<UnitSectionColumn, UnitIdentityColumn> => !(UNIT_IDENTITY_COLUMNS as readonly string[]).includes(c));
export const UNIT_IDENTITY_PROFILE = UNIT_IDENTITY_COLUMNS.map((c) => UNIT_SECTION_FIELDS[c].profile);
export type UnitIdentity = Pick<Employer, (typeof UNIT_SECTION_FIELDS)[UnitIdentityColumn]["profile"]>;

/** The 确定签约 form: the section without the approved identity, and the opinions. */
export const unitSignFormSchema = unitSignatureSchema.omit({ unitName: true, unitOrgCode: true, unitNatureCode: true });
export type UnitSignForm = z.output<typeof unitSignFormSchema>;
export type UnitSignFormInput = z.input<typeof unitSignFormSchema>;

/** What the unit signs: its form, under the identity the office approved (whatever else was sent). */
export function signatureUnder(identity: UnitIdentity, form: UnitSignForm): UnitSignature {
  const approved = Object.fromEntries(UNIT_IDENTITY_COLUMNS.map((c) => [c, identity[UNIT_SECTION_FIELDS[c].profile]]));
  return { ...form, ...approved } as UnitSignature;
}

type ProfileShape = { [K in UnitSectionColumn as (typeof UNIT_SECTION_FIELDS)[K]["profile"]]: (typeof UNIT_SECTION_FIELDS)[K]["schema"] };

/** The same fields as the unit keeps them on its profile (单位信息), keyed by profile column. */
export const unitProfileShape = Object.fromEntries(
  UNIT_SECTION_COLUMNS.map((c) => [UNIT_SECTION_FIELDS[c].profile, UNIT_SECTION_FIELDS[c].schema]),
) as ProfileShape;

/** The label of a unit-profile column of the section, by profile name (单位信息, 用人单位注册). */
export const PROFILE_LABELS = Object.fromEntries(UNIT_SECTION_COLUMNS.map((c) => [UNIT_SECTION_FIELDS[c].profile, UNIT_SECTION_FIELDS[c].label])) as Record<
  (typeof UNIT_SECTION_FIELDS)[UnitSectionColumn]["profile"],
  string
>;

export const DEFAULT_EMPLOYER_OPINION = "同意接收";

type ProfileValues = Pick<Employer, (typeof UNIT_SECTION_FIELDS)[UnitSectionColumn]["profile"] | "defaultOpinion">;

/** The 用人单位情况及意见 a unit signs with by default: its profile (what 批量签约 uses too). */
export function signatureFromProfile(e: ProfileValues): UnitSignatureInput {
  const section = Object.fromEntries(UNIT_SECTION_COLUMNS.map((c) => [c, e[UNIT_SECTION_FIELDS[c].profile]])) as UnitSignatureInput;
  return { ...section, employerOpinion: e.defaultOpinion ?? DEFAULT_EMPLOYER_OPINION, authorityOpinion: null };
}

/** What this agreement's unit section says now (a signature taken back keeps it), or null before the first signature. */
export function signatureOnAgreement(a: Pick<Agreement, UnitSectionColumn | keyof typeof UNIT_OPINION_FIELDS>): Partial<UnitSignatureInput> | null {
  if (!a.unitName) return null;
  const keys = [...UNIT_SECTION_COLUMNS, ...(Object.keys(UNIT_OPINION_FIELDS) as (keyof typeof UNIT_OPINION_FIELDS)[])];
  return Object.fromEntries(keys.map((k) => [k, a[k]])) as Partial<UnitSignatureInput>;
}

/** An empty section and opinions, for an agreement that moves to another unit. */
export function clearedUnitSignature(): Record<UnitSectionColumn | keyof typeof UNIT_OPINION_FIELDS, null> {
  const keys = [...UNIT_SECTION_COLUMNS, ...(Object.keys(UNIT_OPINION_FIELDS) as (keyof typeof UNIT_OPINION_FIELDS)[])];
  return Object.fromEntries(keys.map((k) => [k, null])) as Record<UnitSectionColumn | keyof typeof UNIT_OPINION_FIELDS, null>;
}
