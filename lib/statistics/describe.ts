// The filter in words, for list titles and export sheets.
import { prisma } from "@/lib/db/client";
import { educationLabel } from "@/lib/reference/education";
import type { StatsFilter } from "./filters";

export async function describeFilter(f: StatsFilter): Promise<string> {
  const [college, major] = await Promise.all([
    f.collegeId ? prisma.college.findUnique({ where: { id: f.collegeId }, select: { name: true } }) : null,
    f.majorId ? prisma.major.findUnique({ where: { id: f.majorId }, select: { name: true } }) : null,
  ]);
  const parts = [f.graduationYear ? `${f.graduationYear}届` : "全部届别", college?.name ?? "全部学院"];
  if (major) parts.push(major.name);
  if (f.educationCode) parts.push(educationLabel(f.educationCode) ?? f.educationCode);
  return parts.join(" · ");
}
