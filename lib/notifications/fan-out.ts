// Tells the next person what is waiting for them, inside the transition's own
// transaction (nothing is lost if the process dies after commit): an in-app notification
// per recipient and an e-mail in the outbox. dedupeKey (agreement:version) keeps a
// retried transition from notifying twice.
import type { Tx, TransitionRecord } from "@/lib/workflow/engine";

type Recipient = { userId: string; email: string | null };
type Message = { kind: string; title: string; body: string; link: string; recipients: "student" | "employer" | "college" };

function messageFor(r: TransitionRecord): Message | null {
  const a = r.agreement;
  const who = `${a.student.name}（${a.student.studentNo}）`;
  switch (r.action) {
    case "submit":
      return { kind: "agreement.submitted", recipients: "employer", title: "新的待签约信息", body: `${who}提交了就业协议签约信息，请及时办理。`, link: `/employer/pending/${a.id}` };
    case "sign":
      return { kind: "agreement.signed", recipients: "student", title: "用人单位已签约，请复核确认", body: `${a.employer.name}已确定签约，请核对单位填写的信息并复核确认；逾期系统将自动确认。`, link: "/student/agreement" };
    case "returnByEmployer":
      return { kind: "agreement.returned", recipients: "student", title: "用人单位退回了签约信息", body: `${a.employer.name}退回/拒绝签约，原因：${r.reason ?? ""}`, link: "/student/agreement" };
    case "takeBack":
      return { kind: "agreement.taken_back", recipients: "student", title: "用人单位拿回重签", body: `${a.employer.name}拿回了协议以修改单位信息，请等待其重新签约。`, link: "/student/agreement" };
    case "confirm":
    case "autoConfirm":
      return { kind: "agreement.waiting_review", recipients: "college", title: "新的网上签约待审核", body: `${who}与${a.employer.name}的就业协议待学院审核。`, link: `/counselor/review/${a.id}` };
    case "approve":
      return { kind: "agreement.approved", recipients: "student", title: "学院审核通过，可以打印", body: "就业协议书已审核通过，请双面打印一式三份，到学院盖章后寄给用人单位。", link: "/student/agreement" };
    case "returnByCollege":
      return { kind: "agreement.returned_by_college", recipients: "student", title: "学院退回了就业协议", body: `原因：${r.reason ?? ""}`, link: "/student/agreement" };
    case "file":
      return { kind: "agreement.filed", recipients: "student", title: "就业协议已备案", body: "您的就业协议已在学院备案，网上签约办理完成。", link: "/student/agreement" };
    case "saveDraft":
      return null;
  }
}

async function recipientsOf(tx: Tx, r: TransitionRecord, who: Message["recipients"]): Promise<Recipient[]> {
  const a = r.agreement;
  if (who === "student") return [{ userId: a.student.userId, email: a.studentEmail }];
  const users = await tx.user.findMany({
    where: who === "employer" ? { employerId: a.employerId, active: true } : { collegeId: a.collegeId, role: "COUNSELOR", active: true },
    select: { id: true, email: true },
  });
  return users.map((u) => ({ userId: u.id, email: u.email }));
}

export async function fanOutInTransaction(tx: Tx, records: TransitionRecord[]): Promise<void> {
  const notifications = [];
  const emails = [];
  for (const r of records) {
    const message = messageFor(r);
    if (!message) continue;
    const dedupeKey = `${r.agreementId}:${r.version}`;
    for (const recipient of await recipientsOf(tx, r, message.recipients)) {
      notifications.push({
        userId: recipient.userId,
        agreementId: r.agreementId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link,
        dedupeKey,
        createdAt: r.at,
      });
      if (recipient.email) {
        emails.push({
          to: recipient.email,
          subject: `【网上签约】${message.title}`,
          text: `${message.body}\n\n请登录就业协议书网上签约系统办理。`,
          dedupeKey: `${dedupeKey}:${recipient.userId}`,
        });
      }
    }
  }
  if (notifications.length) await tx.notification.createMany({ data: notifications, skipDuplicates: true });
  if (emails.length) await tx.outboxEmail.createMany({ data: emails, skipDuplicates: true });
}
