// Tells the next person what is waiting for them, inside the transition's own
// transaction (nothing is lost if the process dies after commit): an in-app notification
// per recipient and an e-mail in the outbox. The wording is messages.ts's, shared with the
// set-based sweep; dedupe keys (agreement:version) keep a retried transition from
// notifying twice.
import type { Tx, TransitionRecord } from "@/lib/workflow/engine";
import { emailKey, emailOf, messagesFor, notificationKey, type Audience, type MessageContext } from "./messages";

type Recipient = { userId: string; email: string | null };

export function contextOf(r: TransitionRecord): MessageContext {
  const a = r.agreement;
  return { agreementId: a.id, studentName: a.student.name, studentNo: a.student.studentNo, employerName: a.employer.name, reason: r.reason ?? "" };
}

async function recipientsOf(tx: Tx, r: TransitionRecord, audience: Audience): Promise<Recipient[]> {
  const a = r.agreement;
  if (audience === "student") return [{ userId: a.student.userId, email: a.studentEmail }];
  const users = await tx.user.findMany({
    where: audience === "employer" ? { employerId: a.employerId, active: true } : { collegeId: a.collegeId, role: "COUNSELOR", active: true },
    select: { id: true, email: true },
  });
  return users.map((u) => ({ userId: u.id, email: u.email }));
}

export async function fanOutInTransaction(tx: Tx, records: TransitionRecord[]): Promise<void> {
  const notifications = [];
  const emails = [];
  for (const r of records) {
    const dedupeKey = notificationKey(r.action, r.agreementId, r.version);
    for (const message of messagesFor(r.action, contextOf(r))) {
      for (const recipient of await recipientsOf(tx, r, message.audience)) {
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
          emails.push({ to: recipient.email, ...emailOf(message), dedupeKey: emailKey(dedupeKey, recipient.userId), createdAt: r.at });
        }
      }
    }
  }
  if (notifications.length) await tx.notification.createMany({ data: notifications, skipDuplicates: true });
  if (emails.length) await tx.outboxEmail.createMany({ data: emails, skipDuplicates: true });
}
