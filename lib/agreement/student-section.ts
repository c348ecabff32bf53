// 毕业生情况 — the student's section of the 就业协议书: the 生源信息 as printed, frozen into
// the agreement at 正式提交 (a later correction of the 生源信息 does not change a signed form).

/** The 毕业生 section of a student's 生源信息, as printed in 毕业生情况及意见. */
export type StudentSnapshot = {
  studentNo: string;
  name: string;
  gender: string;
  ethnicityCode: string;
  politicalCode: string;
  trainingMode: string;
  educationCode: string;
  schoolingYears: number;
  graduationMonth: string;
  majorName: string;
  collegeName: string;
  idNumber: string;
  originProvince: string;
  originCity: string;
  homeAddress: string;
};

type StudentWithPlace = Omit<StudentSnapshot, "majorName" | "collegeName"> & { major: { name: string }; college: { name: string } };

/** The 毕业生 section of a student's 生源信息, as printed. */
export function snapshotOf(s: StudentWithPlace): StudentSnapshot {
  return {
    studentNo: s.studentNo,
    name: s.name,
    gender: s.gender,
    ethnicityCode: s.ethnicityCode,
    politicalCode: s.politicalCode,
    trainingMode: s.trainingMode,
    educationCode: s.educationCode,
    schoolingYears: s.schoolingYears,
    graduationMonth: s.graduationMonth,
    majorName: s.major.name,
    collegeName: s.college.name,
    idNumber: s.idNumber,
    originProvince: s.originProvince,
    originCity: s.originCity,
    homeAddress: s.homeAddress,
  };
}
