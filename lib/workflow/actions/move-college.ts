// A graduate re-imported into another 学院 takes their live agreement along: the new 学院's
// counselors review, print and file it, the old ones no longer see it, and a form still
// open at the old 学院 is stale (the version moved). One audit event per agreement
// (转入新学院, changes: collegeId from → to). Set-based: any number of moved graduates in
// one statement per destination 学院, inside the import's own transaction, so a failed
// import moves nothing. Called by the 生源信息 import (lib/students/import*).
import type { Tx } from "@/lib/db/client";
import type { WorkflowActor } from "../actor";
import { runTransitionMany, type Ref } from "../engine";

export type CollegeMove = { studentId: string; collegeId: string };

export async function carryAgreementsToNewCollege(tx: Tx, actor: WorkflowActor, moves: readonly CollegeMove[], now = new Date()): Promise<Ref[]> {
  const byCollege = new Map<string, string[]>();
  for (const m of moves) byCollege.set(m.collegeId, [...(byCollege.get(m.collegeId) ?? []), m.studentId]);
  const moved: Ref[] = [];
  for (const [collegeId, studentIds] of byCollege) {
    moved.push(
      ...(await runTransitionMany(
        {
          action: "moveCollege",
          actor,
          now,
          params: { collegeId },
          targets: {
            kind: "select",
            skipLocked: false, // every one of them must move: wait for a transition in flight
            where: (p) => [`a."studentId" = ANY (${p.add(studentIds, "uuid[]")})`, `a."collegeId" <> ${p.add(collegeId, "uuid")}`],
          },
        },
        tx,
      )),
    );
  }
  return moved;
}
