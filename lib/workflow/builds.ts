// What each transition of the table writes: one named, pure build function per action,
// from the values its service prepared (params), the actor and the time. The engine applies
// the same build for one agreement (runTransition) and for many (runTransitionMany), and
// records the audit event's `changes` from the same diff of what the build sets.
//
// `forEvery` builds do not look at the row: the same columns for every agreement of a set,
// so they can run set-based (批量签约, the sweep, a 学院 move). `perRow` builds may read the
// agreement as it was (`before`), and run one agreement at a time.
import type { Agreement, Prisma } from "@/lib/generated/prisma/client";
import type { SigningMode } from "@/lib/generated/prisma/enums";
import { counselorApproveSchema, type StudentAgreementForm, type CounselorApproveForm, type AcceptInvitationForm, type SupplementaryTerms } from "./schemas";
import type { UnitSignature } from "@/lib/agreement/unit-section";
import { clearedUnitSignature } from "@/lib/agreement/unit-section";
import type { StudentSnapshot } from "@/lib/agreement/student-section";
import type { WorkflowActor } from "./actor";
import type { WorkflowAction } from "./transitions";

/** The columns a build may set; status, version and updatedAt are the engine's. */
export type AgreementPatch = Partial<Omit<Agreement, "id" | "status" | "version" | "createdAt" | "updatedAt" | "studentSnapshot" | "supplementaryTerms">> & {
  studentSnapshot?: Prisma.InputJsonValue;
  supplementaryTerms?: Prisma.InputJsonValue;
};

export type Write = {
  set: AgreementPatch;
  /** the columns the audit event records (when they changed); all of `set` when absent */
  audit?: readonly (keyof AgreementPatch)[];
};

export type BuildContext<P> = { now: Date; actor: WorkflowActor; params: P };
export type RowBuildContext<P> = BuildContext<P> & { before: Agreement | null };

export type SetBuild<P> = { rowIndependent: true; build: (ctx: BuildContext<P>) => Write };
export type RowBuild<P> = { rowIndependent: false; build: (ctx: RowBuildContext<P>) => Write };

const forEvery = <P>(build: (ctx: BuildContext<P>) => Write): SetBuild<P> => ({ rowIndependent: true, build });
const perRow = <P>(build: (ctx: RowBuildContext<P>) => Write): RowBuild<P> => ({ rowIndependent: false, build });

type Empty = Record<string, never>;

/** What an agreement addressed to another unit keeps of its dealings with the previous one: nothing. */
const CLEARED_FOR_ANOTHER_UNIT = {
  ...clearedUnitSignature(),
  employerSignedAt: null,
  signedById: null,
  autoConfirmAt: null,
  studentConfirmedAt: null,
  autoConfirmed: false,
  ...(Object.fromEntries(Object.keys(counselorApproveSchema.shape).map((k) => [k, null])) as Record<keyof CounselorApproveForm, null>),
  approvedAt: null,
  approvedById: null,
  attestedAt: null,
  attestedById: null,
} satisfies AgreementPatch;

/** What 正式提交 (and 应约, which includes it) fixes on the agreement. */
type SubmissionParams = { agreementNo: string; previousAgreementNo: string | null; snapshot: StudentSnapshot; termsId: string | null; signingMode: SigningMode };

type TerminationRequestParams = { reason: string; letterId: string | null; answerBy: Date };

// 申请解约 (student) / 发起解约 (unit): the other party answers by answerBy (the office's window)
const terminationRequested = ({ params, actor, now }: BuildContext<TerminationRequestParams>): Write => ({
  set: {
    terminationStatus: "AWAITING_PARTY",
    terminationBy: actor.role,
    terminationReason: params.reason.trim(),
    terminationRequestedAt: now,
    terminationAnswerBy: params.answerBy,
    terminationAgreedAt: null,
    terminationLetterId: params.letterId,
  },
});

const terminationEnded = (): Write => ({ set: { terminationStatus: null } });

export const BUILDS = {
  // 确定 on 填写/编辑就业协议: a new unit starts from a clean agreement — no 用人单位 section
  // or signature of the previous unit, no 学校意见 given on the previous unit's agreement.
  saveDraft: perRow<{ form: StudentAgreementForm }>(({ params: { form }, before, now }) => ({
    set: {
      employerId: form.employerId,
      studentPhone: form.studentPhone,
      studentEmail: form.studentEmail,
      studentOpinion: form.studentOpinion,
      savedAt: now,
      ...(before !== null && before.employerId !== form.employerId ? CLEARED_FOR_ANOTHER_UNIT : {}),
    },
  })),

  // 正式提交: the 协议书号 (kept from an earlier submission), the frozen 生源信息, the terms.
  // Only the submission time is audited: the snapshot repeats the 生源信息 (身份证号 included).
  // The year's 签约方式 (电子协议 / 纸质) as the office set it: the agreement keeps it.
  // A student whose earlier agreement was cancelled (解约) gets a new 协议书号 that names the old one.
  submit: forEvery<SubmissionParams>(({ params, now }) => ({
    set: {
      agreementNo: params.agreementNo,
      previousAgreementNo: params.previousAgreementNo,
      studentSnapshot: params.snapshot as unknown as Prisma.InputJsonValue,
      termsId: params.termsId,
      signingMode: params.signingMode,
      submittedAt: now,
      returnReason: null,
      returnedByRole: null,
      returnedAt: null,
    },
    audit: ["submittedAt", "signingMode", "previousAgreementNo"],
  })),

  // 确定签约: the section and opinions as signed; the 7-day clock starts (./seven-day-rule.ts).
  sign: forEvery<{ signature: UnitSignature; autoConfirmAt: Date }>(({ params, actor, now }) => ({
    set: {
      ...params.signature,
      employerSignedAt: now,
      signedById: actor.userId,
      autoConfirmAt: params.autoConfirmAt,
      studentConfirmedAt: null,
      autoConfirmed: false,
    },
  })),

  returnByEmployer: forEvery<{ reason: string }>(({ params, now }) => ({
    set: { returnReason: params.reason.trim(), returnedByRole: "EMPLOYER", returnedAt: now },
  })),

  // 拿回重签: the 7-day clock stops; a new signature starts a new one.
  takeBack: forEvery<Empty>(() => ({ set: { employerSignedAt: null, signedById: null, autoConfirmAt: null } })),

  confirm: forEvery<Empty>(({ now }) => ({ set: { studentConfirmedAt: now, autoConfirmed: false } })),

  autoConfirm: forEvery<Empty>(({ now }) => ({ set: { studentConfirmedAt: now, autoConfirmed: true } })),

  // 通过: the 学校意见 section; printing becomes possible. Each approval is counted: the
  // verification code printed under it is bound to it (lib/pdf/verify-code.ts).
  approve: perRow<{ form: CounselorApproveForm }>(({ params, actor, now, before }) => ({
    set: { ...params.form, approvedAt: now, approvedById: actor.userId, approvals: (before?.approvals ?? 0) + 1 },
  })),

  // 退回 by the 学院: the unit must sign again after the student corrects and resubmits.
  returnByCollege: forEvery<{ reason: string }>(({ params, actor, now }) => ({
    set: {
      returnReason: params.reason.trim(),
      returnedByRole: actor.role,
      returnedAt: now,
      employerSignedAt: null,
      signedById: null,
      autoConfirmAt: null,
      studentConfirmedAt: null,
      autoConfirmed: false,
      approvedAt: null,
      approvedById: null,
      attestedAt: null,
      attestedById: null,
    },
  })),

  // 鉴证 (电子协议): the school's 鉴证章 is placed as of now (lib/seals: the seal in force).
  attest: forEvery<Empty>(({ actor, now }) => ({ set: { attestedAt: now, attestedById: actor.userId } })),

  file: forEvery<Empty>(({ actor, now }) => ({ set: { filedAt: now, filedById: actor.userId } })),

  moveCollege: forEvery<{ collegeId: string }>(({ params }) => ({ set: { collegeId: params.collegeId } })),

  // ---- 解约 (#14) ----
  requestTermination: forEvery<TerminationRequestParams>(terminationRequested),
  startTermination: forEvery<TerminationRequestParams>(terminationRequested),
  agreeTermination: forEvery<Empty>(({ now }) => ({ set: { terminationStatus: "AWAITING_COLLEGE", terminationAgreedAt: now } })),
  // refused, withdrawn or lapsed: the agreement stays as it was; the request's reason and
  // its end stay in the audit trail
  refuseTermination: forEvery<Empty>(terminationEnded),
  withdrawTermination: forEvery<Empty>(terminationEnded),
  lapseTermination: forEvery<Empty>(terminationEnded),
  forwardTermination: forEvery<Empty>(() => ({ set: { terminationStatus: "AWAITING_OFFICE" } })),
  approveTermination: forEvery<Empty>(({ now }) => ({ set: { terminationStatus: null, cancelledAt: now } })),
  rejectTermination: forEvery<Empty>(terminationEnded),

  // ---- 签约邀请 (#14) ----
  // The unit's section and opinions as signed, and the 补充条款: the invitation is the unit's 确定签约.
  invite: forEvery<{ signature: UnitSignature; terms: SupplementaryTerms; answerBy: Date }>(({ params, actor, now }) => ({
    set: {
      ...params.signature,
      supplementaryTerms: params.terms as unknown as Prisma.InputJsonValue,
      studentPhone: "",
      studentEmail: "",
      invitedAt: now,
      invitedById: actor.userId,
      invitationAnswerBy: params.answerBy,
      employerSignedAt: now,
      signedById: actor.userId,
    },
    audit: ["unitName", "invitedAt", "invitationAnswerBy", "supplementaryTerms"],
  })),
  // 应约 = 正式提交 + 复核确认 at once
  acceptInvitation: forEvery<SubmissionParams & { form: AcceptInvitationForm }>(({ params, now }) => ({
    set: {
      ...params.form,
      agreementNo: params.agreementNo,
      previousAgreementNo: params.previousAgreementNo,
      studentSnapshot: params.snapshot as unknown as Prisma.InputJsonValue,
      termsId: params.termsId,
      signingMode: params.signingMode,
      savedAt: now,
      submittedAt: now,
      studentConfirmedAt: now,
      autoConfirmed: false,
    },
    audit: ["submittedAt", "studentConfirmedAt", "signingMode", "previousAgreementNo", "studentPhone", "studentEmail", "studentOpinion"],
  })),
  declineInvitation: forEvery<{ reason: string }>(({ params }) => ({ set: { invitationDeclineReason: params.reason.trim() } })),
  withdrawInvitation: forEvery<Empty>(() => ({ set: {} })),
  lapseInvitation: forEvery<Empty>(() => ({ set: {} })),
  supersedeInvitation: forEvery<Empty>(() => ({ set: {} })),
} satisfies { [A in WorkflowAction]: SetBuild<never> | RowBuild<never> };

type Builds = typeof BUILDS;

/** What the service of `action` prepares for its build. */
export type ParamsOf<A extends WorkflowAction> = Parameters<Builds[A]["build"]>[0]["params"];

/** The actions whose build may run set-based. */
export type SetBasedAction = { [A in WorkflowAction]: Builds[A] extends { rowIndependent: true } ? A : never }[WorkflowAction];

/** Runs the build of `action` for one agreement as it was (`before`, null when created). */
export function buildFor<A extends WorkflowAction>(action: A, ctx: RowBuildContext<ParamsOf<A>>): Write {
  const b = BUILDS[action] as unknown as RowBuild<ParamsOf<A>>;
  return b.build(ctx);
}

/** Runs the build of a set-based action once, for every agreement of the set. */
export function buildForEvery<A extends SetBasedAction>(action: A, ctx: BuildContext<ParamsOf<A>>): Write {
  const b = BUILDS[action] as unknown as SetBuild<ParamsOf<A>>;
  if (!b.rowIndependent) throw new Error(`${action} reads the row and cannot run set-based`);
  return b.build(ctx);
}
