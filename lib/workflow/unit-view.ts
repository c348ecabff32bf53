// What a unit sees of an agreement's past: only its own dealings with it. An agreement the
// unit returned and the student then addressed to another unit carries a history — the
// previous unit's staff and their return reason, the 学院's earlier return reasons, prints
// of an earlier approval — that is none of the new unit's business. The new unit's view
// starts at the first 正式提交 to it (./access.ts hides the draft before that).
import type { Prisma } from "@/lib/generated/prisma/client";

type HistoryEvent = { version: number; action: string; changes: Prisma.JsonValue; createdAt: Date };

const readdressed = (e: HistoryEvent) => e.changes !== null && typeof e.changes === "object" && !Array.isArray(e.changes) && "employerId" in e.changes;

/** The event that began the dealings of the agreement's current unit, or null if none yet. */
export function unitDealingsStart<E extends HistoryEvent>(events: readonly E[]): E | null {
  const sorted = [...events].sort((a, b) => a.version - b.version);
  // the last time the agreement was addressed to a unit (its creation included)
  const addressedAt = sorted.reduce((v, e) => (readdressed(e) ? e.version : v), 0);
  return sorted.find((e) => e.version > addressedAt && e.action === "submit") ?? null;
}

/** The agreement as its unit may see it: the events and prints of its own dealings only. */
export function asSeenByUnit<A extends { events: HistoryEvent[]; printRecords: { createdAt: Date }[] }>(agreement: A): A {
  const start = unitDealingsStart(agreement.events);
  if (!start) return { ...agreement, events: [], printRecords: [] };
  return {
    ...agreement,
    events: agreement.events.filter((e) => e.version >= start.version),
    printRecords: agreement.printRecords.filter((r) => r.createdAt >= start.createdAt),
  };
}
