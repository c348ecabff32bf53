// THE wording of every notification (in-app and e-mail), in one place. The engine's write
// statement and the reminder render these templates inside PostgreSQL with format()
// (set-based.ts), for one agreement or many; messagesFor() renders them in TypeScript for
// the tests that check what a person reads.
import { absoluteUrl, publicUrl } from "@/lib/http/public-url";
import type { WorkflowAction } from "@/lib/workflow/transitions";

/**
 * Who gets a message: the agreement's student (at the address they gave; studentAccount: their
 * account's, for an invitation), the unit's staff, the 学院's counselors, the 就业处, or — for
 * 解约 — the party that asked for it or the other one.
 */
export type Audience = "student" | "studentAccount" | "employer" | "college" | "office" | "terminationStarter" | "terminationOther";

/** The values a message may mention; the SQL renderer fills them from the agreement row. */
export type MessageContext = {
  agreementId: string;
  studentName: string;
  studentNo: string;
  employerName: string;
  reason: string;
};

export type Message = { kind: string; audience: Audience; title: string; body: string; link: string };

/** Something that notifies: a workflow transition, or the 24-hour reminder before auto-confirmation. */
export type NotifyEvent = WorkflowAction | "dueSoon";

type Template = {
  kind: string;
  audience: Audience;
  title: string;
  body: (c: MessageContext) => string;
  link: (c: MessageContext) => string;
};

const who = (c: MessageContext) => `${c.studentName}（${c.studentNo}）`;
const studentAgreement = () => "/student/agreement";
const studentTermination = () => "/student/termination";
const studentInvitations = () => "/student/invitations";
const unitTermination = (c: MessageContext) => `/employer/termination/${c.agreementId}`;
const unitInvitations = () => "/employer/invitations";

// 解约: the asker and the other party each read the page of their own role
const partyLink = (c: MessageContext) => `/termination/${c.agreementId}`;

const TEMPLATES: Record<NotifyEvent, readonly Template[]> = {
  saveDraft: [],
  submit: [
    {
      kind: "agreement.submitted",
      audience: "employer",
      title: "新的待签约信息",
      body: (c) => `${who(c)}提交了就业协议签约信息，请及时办理。`,
      link: (c) => `/employer/pending/${c.agreementId}`,
    },
  ],
  sign: [
    {
      kind: "agreement.signed",
      audience: "student",
      title: "用人单位已签约，请复核确认",
      body: (c) => `${c.employerName}已确定签约，请核对单位填写的信息并复核确认；逾期系统将自动确认。`,
      link: studentAgreement,
    },
  ],
  returnByEmployer: [
    {
      kind: "agreement.returned",
      audience: "student",
      title: "用人单位退回了签约信息",
      body: (c) => `${c.employerName}退回/拒绝签约，原因：${c.reason}`,
      link: studentAgreement,
    },
  ],
  takeBack: [
    {
      kind: "agreement.taken_back",
      audience: "student",
      title: "用人单位拿回重签",
      body: (c) => `${c.employerName}拿回了协议以修改单位信息，请等待其重新签约。`,
      link: studentAgreement,
    },
  ],
  confirm: [
    {
      kind: "agreement.waiting_review",
      audience: "college",
      title: "新的网上签约待审核",
      body: (c) => `${who(c)}与${c.employerName}的就业协议待学院审核。`,
      link: (c) => `/counselor/review/${c.agreementId}`,
    },
  ],
  // The 学院's counselors get the digest below (one per pass and 学院). Not the student:
  // nothing is asked of them now, and they were told 24 hours before (dueSoon, in-app and
  // e-mail) that this would happen; the timeline shows it, and their next message is the approval.
  autoConfirm: [],
  moveCollege: [],
  approve: [
    {
      kind: "agreement.approved",
      audience: "student",
      title: "学院审核通过，可以打印",
      body: () => "就业协议书已审核通过。纸质协议请双面打印一式三份，到学院盖章后寄给用人单位；电子协议待学校鉴证后即可下载原件。",
      link: studentAgreement,
    },
  ],
  returnByCollege: [
    {
      kind: "agreement.returned_by_college",
      audience: "student",
      title: "学院退回了就业协议",
      body: (c) => `原因：${c.reason}`,
      link: studentAgreement,
    },
  ],
  attest: [
    {
      kind: "agreement.attested",
      audience: "student",
      title: "电子协议已鉴证，可以下载原件",
      body: (c) => `您与${c.employerName}的电子就业协议已由学校就业主管部门鉴证，带数字签名的 PDF 即为原件，可在“我的签约”中下载。`,
      link: studentAgreement,
    },
    {
      kind: "agreement.attested",
      audience: "employer",
      title: "电子协议已鉴证，可以下载原件",
      body: (c) => `${who(c)}的电子就业协议已由学校鉴证生效，可在“已签约信息”中下载原件（PDF）。`,
      link: (c) => `/employer/signed/${c.agreementId}`,
    },
  ],
  file: [
    {
      kind: "agreement.filed",
      audience: "student",
      title: "就业协议已备案",
      body: () => "您的就业协议已在学院备案，网上签约办理完成。",
      link: studentAgreement,
    },
  ],
  // ---- 解约 (#14) ----
  requestTermination: [
    {
      kind: "termination.requested",
      audience: "employer",
      title: "毕业生申请解约",
      body: (c) => `${who(c)}申请解除与贵单位的就业协议，原因：${c.reason}。请在答复期限内同意或不同意，逾期视为不同意。`,
      link: unitTermination,
    },
  ],
  startTermination: [
    {
      kind: "termination.requested",
      audience: "student",
      title: "用人单位发起解约",
      body: (c) => `${c.employerName}发起解除就业协议，原因：${c.reason}。请在答复期限内同意或不同意，逾期视为不同意。`,
      link: studentTermination,
    },
  ],
  agreeTermination: [
    {
      kind: "termination.waiting_review",
      audience: "college",
      title: "新的解约申请待学院审核",
      body: (c) => `${who(c)}与${c.employerName}双方同意解除就业协议，待学院审核。`,
      link: (c) => `/counselor/termination/${c.agreementId}`,
    },
    {
      kind: "termination.agreed",
      audience: "terminationStarter",
      title: "对方已同意解约",
      body: (c) => `${who(c)}与${c.employerName}的解约申请对方已同意，待学院审核。`,
      link: partyLink,
    },
  ],
  refuseTermination: [
    {
      kind: "termination.refused",
      audience: "terminationStarter",
      title: "对方不同意解约",
      body: (c) => `${who(c)}与${c.employerName}的解约申请未获对方同意，协议继续有效。原因：${c.reason}`,
      link: partyLink,
    },
  ],
  withdrawTermination: [
    {
      kind: "termination.withdrawn",
      audience: "terminationOther",
      title: "解约申请已撤回",
      body: (c) => `${who(c)}与${c.employerName}的解约申请已由发起方撤回，协议继续有效。`,
      link: partyLink,
    },
  ],
  lapseTermination: [
    {
      kind: "termination.lapsed",
      audience: "terminationStarter",
      title: "解约申请逾期未获答复",
      body: (c) => `${who(c)}与${c.employerName}的解约申请对方未在期限内答复，视为不同意，协议继续有效。`,
      link: partyLink,
    },
    {
      kind: "termination.lapsed",
      audience: "terminationOther",
      title: "解约申请已逾期",
      body: (c) => `${who(c)}与${c.employerName}的解约申请已超过答复期限，视为不同意，协议继续有效。`,
      link: partyLink,
    },
  ],
  forwardTermination: [
    {
      kind: "termination.waiting_office",
      audience: "office",
      title: "解约申请待就业处审核",
      body: (c) => `学院已同意${who(c)}与${c.employerName}解除就业协议，待就业处审核。`,
      link: (c) => `/office/termination/${c.agreementId}`,
    },
  ],
  approveTermination: [
    {
      kind: "termination.approved",
      audience: "student",
      title: "解约已办结",
      body: (c) => `您与${c.employerName}的就业协议已解除，原协议书作废；如需重新签约，可在“我的签约”中办理，新协议将使用新的协议书号。`,
      link: studentTermination,
    },
    {
      kind: "termination.approved",
      audience: "employer",
      title: "解约已办结",
      body: (c) => `${who(c)}与贵单位的就业协议已解除，原协议书作废。`,
      link: unitTermination,
    },
  ],
  rejectTermination: [
    {
      kind: "termination.rejected",
      audience: "student",
      title: "解约申请未获批准",
      body: (c) => `您与${c.employerName}的解约申请未获批准，协议继续有效。原因：${c.reason}`,
      link: studentTermination,
    },
    {
      kind: "termination.rejected",
      audience: "employer",
      title: "解约申请未获批准",
      body: (c) => `${who(c)}与贵单位的解约申请未获批准，协议继续有效。原因：${c.reason}`,
      link: unitTermination,
    },
  ],

  // ---- 签约邀请 (#14) ----
  invite: [
    {
      kind: "invitation.received",
      audience: "studentAccount",
      title: "新的签约邀请",
      body: (c) => `${c.employerName}向您发出了就业协议签约邀请，请在答复期限内应约或拒绝。`,
      link: studentInvitations,
    },
  ],
  acceptInvitation: [
    {
      kind: "invitation.accepted",
      audience: "employer",
      title: "毕业生已应约",
      body: (c) => `${who(c)}已接受贵单位的签约邀请，协议已提交学院审核。`,
      link: (c) => `/employer/signed/${c.agreementId}`,
    },
    {
      kind: "agreement.waiting_review",
      audience: "college",
      title: "新的网上签约待审核",
      body: (c) => `${who(c)}已应约${c.employerName}的签约邀请，就业协议待学院审核。`,
      link: (c) => `/counselor/review/${c.agreementId}`,
    },
  ],
  declineInvitation: [
    {
      kind: "invitation.declined",
      audience: "employer",
      title: "毕业生拒绝了签约邀请",
      body: (c) => `${who(c)}拒绝了贵单位的签约邀请，原因：${c.reason}`,
      link: unitInvitations,
    },
  ],
  withdrawInvitation: [
    {
      kind: "invitation.withdrawn",
      audience: "studentAccount",
      title: "用人单位撤回了签约邀请",
      body: (c) => `${c.employerName}撤回了发给您的签约邀请。`,
      link: studentInvitations,
    },
  ],
  lapseInvitation: [
    {
      kind: "invitation.lapsed",
      audience: "employer",
      title: "签约邀请已失效",
      body: (c) => `${who(c)}未在答复期限内答复贵单位的签约邀请，邀请已失效。`,
      link: unitInvitations,
    },
  ],
  supersedeInvitation: [
    {
      kind: "invitation.superseded",
      audience: "employer",
      title: "签约邀请已失效",
      body: (c) => `${who(c)}已应约其他单位，贵单位的签约邀请已失效。`,
      link: unitInvitations,
    },
  ],
  dueSoon: [
    {
      kind: "agreement.due_soon",
      audience: "student",
      title: "签约信息即将自动确认",
      body: (c) => `${c.employerName}已确定签约，您尚未复核确认；24小时内系统将自动确认，如有问题请尽快与单位沟通。`,
      link: studentAgreement,
    },
  ],
};

export function messagesFor(event: NotifyEvent, c: MessageContext): Message[] {
  return TEMPLATES[event].map((t) => ({ kind: t.kind, audience: t.audience, title: t.title, body: t.body(c), link: t.link(c) }));
}

// ---- digests: many agreements of one 学院 at once -----------------------------------------

/** What a digest mentions: how many agreements, and the first few students (already listed). */
export type DigestContext = { count: string; students: string };

type DigestTemplate = { kind: string; audience: Audience; title: (d: DigestContext) => string; body: (d: DigestContext) => string; link: string };

/**
 * An audience named here gets ONE message per write statement and 学院 instead of one per
 * agreement: a counselor whose 学院 had 40 agreements confirmed overnight gets one e-mail
 * saying so, with a link to the review list, not 40. The rule is the transition's, not the
 * path's: the per-signing job that confirms one agreement sends a digest of one.
 */
const DIGESTS: Partial<Record<NotifyEvent, DigestTemplate>> = {
  autoConfirm: {
    kind: "agreement.waiting_review_digest",
    audience: "college",
    title: (d) => `新的网上签约待审核（${d.count} 份）`,
    body: (d) => `系统自动确认了 ${d.count} 份就业协议：${d.students}，待学院审核。`,
    link: "/counselor/review",
  },
};

export function digestFor(event: NotifyEvent, d: DigestContext): Message | null {
  const t = DIGESTS[event];
  return t ? { kind: t.kind, audience: t.audience, title: t.title(d), body: t.body(d), link: t.link } : null;
}

/**
 * A digest's dedupe key: the key of the first transition it covers (agreement:version),
 * which no other pass can cover. Not the agreement alone: one agreement can be
 * auto-confirmed more than once in its life (returned by the 学院, signed again).
 */
export function digestKey(event: NotifyEvent, firstTransitionKey: string): string {
  return `${event}:digest:${firstTransitionKey}`;
}

/**
 * One notification per (user, key): a transition is keyed by the version it produced, the
 * reminder by the signing it reminds of. A retried or repeated writer inserts nothing new.
 */
export function notificationKey(event: NotifyEvent, agreementId: string, version: number): string {
  return event === "dueSoon" ? `${agreementId}:${version}:due-soon` : `${agreementId}:${version}`;
}

export function emailKey(notificationKey: string, userId: string): string {
  return `${notificationKey}:${userId}`;
}

/**
 * A message as an e-mail: the text ends with the direct link to the page where the person
 * acts, on the public address (lib/http/public-url.ts); without a known address (a
 * scheduled job with no APP_URL) the page's path and a pointer to the system instead.
 */
export function emailOf(m: Pick<Message, "title" | "body" | "link">, origin: string | null): { subject: string; text: string } {
  const where = origin ? `请点击以下链接办理：\n${absoluteUrl(origin, m.link)}` : `请登录就业协议书网上签约系统办理（页面：${m.link}）。`;
  return { subject: `【网上签约】${m.title}`, text: `${m.body}\n\n${where}` };
}

// ---- rendering the same templates in SQL -------------------------------------------------

/** The order of format()'s arguments; set-based.ts passes the row's columns in this order. */
export const SQL_CONTEXT_ORDER = ["agreementId", "studentName", "studentNo", "employerName", "reason"] as const satisfies readonly (keyof MessageContext)[];

/**
 * Turns a rendering function into a PostgreSQL format() template: render with sentinels,
 * escape every literal %, then put %N$s where each value goes.
 */
export function toFormatTemplate<C extends Record<string, string> = MessageContext>(
  render: (c: C) => string,
  order: readonly (keyof C & string)[] = SQL_CONTEXT_ORDER as unknown as readonly (keyof C & string)[],
): string {
  const sentinel = (i: number) => `\u0000${i}\u0000`;
  const probe = Object.fromEntries(order.map((key, i) => [key, sentinel(i)])) as C;
  let template = render(probe).replaceAll("%", "%%");
  order.forEach((_, i) => {
    template = template.replaceAll(sentinel(i), `%${i + 1}$s`);
  });
  return template;
}

export type SqlMessage = { kind: string; audience: Audience; title: string; body: string; link: string; subject: string; text: string };

/** One message's format() templates: title, body, link, and its e-mail's subject and text. */
function sqlTemplates<C extends Record<string, string>>(
  render: (c: C) => Pick<Message, "title" | "body" | "link">,
  order: readonly (keyof C & string)[],
  origin: string | null,
): Omit<SqlMessage, "kind" | "audience"> {
  const field = (f: "title" | "body" | "link" | "subject" | "text") =>
    toFormatTemplate<C>((c) => {
      const m = render(c);
      return f === "subject" || f === "text" ? emailOf(m, origin)[f] : m[f];
    }, order);
  return { title: field("title"), body: field("body"), link: field("link"), subject: field("subject"), text: field("text") };
}

/**
 * The messages of an event as format() templates (title, body, link, e-mail subject and
 * text); the e-mails link to `origin` (the public address; default: the configured one).
 */
export function sqlMessagesFor(event: NotifyEvent, origin: string | null = publicUrl()): SqlMessage[] {
  return TEMPLATES[event].map((t) => ({
    kind: t.kind,
    audience: t.audience,
    ...sqlTemplates<MessageContext>((c) => ({ title: t.title, body: t.body(c), link: t.link(c) }), SQL_CONTEXT_ORDER, origin),
  }));
}

/** The order of format()'s arguments of a digest. */
export const SQL_DIGEST_ORDER = ["count", "students"] as const satisfies readonly (keyof DigestContext)[];

/** An event's digest as format() templates, or null when it has none. */
export function sqlDigestFor(event: NotifyEvent, origin: string | null = publicUrl()): SqlMessage | null {
  const t = DIGESTS[event];
  if (!t) return null;
  return { kind: t.kind, audience: t.audience, ...sqlTemplates<DigestContext>((d) => ({ title: t.title(d), body: t.body(d), link: t.link }), SQL_DIGEST_ORDER, origin) };
}
