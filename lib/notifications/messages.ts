// THE wording of every notification (in-app and e-mail), in one place. Two writers use it:
// the per-transition fan-out (fan-out.ts, inside runTransition's transaction) and the
// set-based SQL of the sweep and the reminder (set-based.ts), which renders the very same
// templates inside PostgreSQL with format(). So a message is written once, here.
import type { WorkflowAction } from "@/lib/workflow/transitions";

/** Who gets a message: the agreement's student, the unit's staff, or the 学院's counselors. */
export type Audience = "student" | "employer" | "college";

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

type Template = { kind: string; audience: Audience; title: string; body: (c: MessageContext) => string; link: (c: MessageContext) => string };

const who = (c: MessageContext) => `${c.studentName}（${c.studentNo}）`;
const studentAgreement = () => "/student/agreement";

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
  autoConfirm: [
    {
      kind: "agreement.waiting_review",
      audience: "college",
      title: "新的网上签约待审核",
      body: (c) => `${who(c)}与${c.employerName}的就业协议已由系统自动确认，待学院审核。`,
      link: (c) => `/counselor/review/${c.agreementId}`,
    },
    {
      kind: "agreement.auto_confirmed",
      audience: "student",
      title: "系统已自动确认签约信息",
      body: (c) => `${c.employerName}签约后您未在规定期限内复核确认，系统已自动确认，协议已提交学院审核。`,
      link: studentAgreement,
    },
  ],
  approve: [
    {
      kind: "agreement.approved",
      audience: "student",
      title: "学院审核通过，可以打印",
      body: () => "就业协议书已审核通过，请双面打印一式三份，到学院盖章后寄给用人单位。",
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
  file: [
    {
      kind: "agreement.filed",
      audience: "student",
      title: "就业协议已备案",
      body: () => "您的就业协议已在学院备案，网上签约办理完成。",
      link: studentAgreement,
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

export function emailOf(m: Pick<Message, "title" | "body">): { subject: string; text: string } {
  return { subject: `【网上签约】${m.title}`, text: `${m.body}\n\n请登录就业协议书网上签约系统办理。` };
}

// ---- rendering the same templates in SQL -------------------------------------------------

/** The order of format()'s arguments; set-based.ts passes the row's columns in this order. */
export const SQL_CONTEXT_ORDER = ["agreementId", "studentName", "studentNo", "employerName", "reason"] as const satisfies readonly (keyof MessageContext)[];

/**
 * Turns a rendering function into a PostgreSQL format() template: render with sentinels,
 * escape every literal %, then put %N$s where each value goes.
 */
export function toFormatTemplate(render: (c: MessageContext) => string): string {
  const sentinel = (i: number) => `\u0000${i}\u0000`;
  const probe = Object.fromEntries(SQL_CONTEXT_ORDER.map((key, i) => [key, sentinel(i)])) as MessageContext;
  let template = render(probe).replaceAll("%", "%%");
  SQL_CONTEXT_ORDER.forEach((_, i) => {
    template = template.replaceAll(sentinel(i), `%${i + 1}$s`);
  });
  return template;
}

export type SqlMessage = { kind: string; audience: Audience; title: string; body: string; link: string; subject: string; text: string };

/** The messages of an event as format() templates (title, body, link, e-mail subject and text). */
export function sqlMessagesFor(event: NotifyEvent): SqlMessage[] {
  return TEMPLATES[event].map((t) => {
    const render = (field: "title" | "body" | "link" | "subject" | "text") => (c: MessageContext) => {
      const m = { title: t.title, body: t.body(c), link: t.link(c) };
      if (field === "subject" || field === "text") return emailOf(m)[field];
      return m[field];
    };
    return {
      kind: t.kind,
      audience: t.audience,
      title: toFormatTemplate(render("title")),
      body: toFormatTemplate(render("body")),
      link: toFormatTemplate(render("link")),
      subject: toFormatTemplate(render("subject")),
      text: toFormatTemplate(render("text")),
    };
  });
}
