// The one date format of every page (#17.8): Beijing time whatever the server's zone.
import { beijingToday, beijingWallClock, formatDate, formatDateTime, formatDateTimeSeconds, formatFormDate } from "@/lib/format";

describe("lib/format", () => {
  // 11:57 UTC is 19:57 in Beijing; 16:30 UTC is already the next day there
  const evening = new Date("2026-12-08T11:57:09Z");
  const lateUtc = new Date("2026-12-08T16:30:00Z");

  it("formats a moment as 2026-12-08 19:57 in Beijing time", () => {
    expect(formatDateTime(evening)).toBe("2026-12-08 19:57");
    expect(formatDateTime(evening.toISOString())).toBe("2026-12-08 19:57");
    expect(formatDateTime(lateUtc)).toBe("2026-12-09 00:30");
    expect(formatDateTime(null)).toBe("");
    // midnight is 00, never 24; the year turns in Beijing first
    expect(formatDateTime(new Date("2026-12-08T16:00:00Z"))).toBe("2026-12-09 00:00");
    expect(formatDateTimeSeconds(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00:00");
    expect(formatFormDate(new Date("2026-12-31T15:59:59Z"))).toBe("2026年12月31日");
  });

  it("days, seconds and the printed form's date follow the same clock", () => {
    expect(formatDate(lateUtc)).toBe("2026-12-09");
    expect(formatDateTimeSeconds(evening)).toBe("2026-12-08 19:57:09");
    expect(formatFormDate(lateUtc)).toBe("2026年12月9日");
    expect(beijingToday(lateUtc)).toBe("2026-12-09");
  });

  it("the spreadsheet wall clock is Beijing's", () => {
    expect(beijingWallClock(lateUtc).toISOString()).toBe("2026-12-09T00:30:00.000Z");
  });
});
